package dev.aegis.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message to one person; read once they have seen it in the list. */
@Entity
@Table(schema = "notification", name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;
    private String topic;
    private String subject;
    private String body;
    private String link;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "mailed_to")
    private String mailedTo;

    protected Notification() {}

    Notification(String recipient, String topic, String subject, String body, String link, Instant createdAt) {
        this.recipient = recipient;
        this.topic = topic;
        this.subject = subject;
        this.body = body;
        this.link = link;
        this.createdAt = createdAt;
    }

    void read(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    void mailedTo(String address) {
        this.mailedTo = address;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }
    /** What it is about, e.g. {@code finding}, {@code assessment}, {@code evidence}: for filtering and icons. */
    public String getTopic() {
        return topic;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }
    /** The route in Aegis to open, relative (e.g. {@code findings/12}), or null. */
    public String getLink() {
        return link;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public boolean isUnread() {
        return readAt == null;
    }

    public String getMailedTo() {
        return mailedTo;
    }
}
