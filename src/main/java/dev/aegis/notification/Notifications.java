package dev.aegis.notification;

import dev.aegis.security.Role;
import dev.aegis.security.UserService;
import dev.aegis.security.UserService.Recipient;
import dev.aegis.shared.Actors;
import dev.aegis.shared.AfterCommit;
import dev.aegis.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notifications and shows each person their own. Sending is for the system (jobs, event listeners) and needs
 * no role; reading and marking read are always about the signed-in user's own notifications. Mail goes out after the
 * sending transaction commits, so a rolled-back change mails no one; a mail server that fails costs the e-mail, never
 * the change or the in-app notification.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final String ANY_ROLE =
            "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','VENDOR_MANAGER','SYSTEM_OWNER')";
    /** The system actor's permission to tell people (see {@link dev.aegis.shared.Actors#runAsSystem}). */
    public static final String SYSTEM_SEND = "SYSTEM:notification.send";
    /** Anyone signed in tells people as part of what they do; the system only with {@link #SYSTEM_SEND}. */
    private static final String SENDERS = ANY_ROLE + " or hasAuthority('" + SYSTEM_SEND + "')";

    private final NotificationStore store;
    private final UserService users;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String from;
    private final String url;

    Notifications(
            NotificationStore store,
            UserService users,
            ObjectProvider<JavaMailSender> mail,
            Clock clock,
            @Value("${aegis.mail-from:aegis@localhost}") String from,
            @Value("${aegis.url:http://localhost:8080}") String url) {
        this.store = store;
        this.users = users;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** What to tell: a topic (e.g. {@code finding}), a one-line subject, a body, and a route in Aegis (or null). */
    public record Message(String topic, String subject, String body, String link) {
        public Message {
            if (topic == null || topic.isBlank() || subject == null || subject.isBlank()) {
                throw new IllegalArgumentException("A notification needs a topic and a subject");
            }
            body = body == null ? "" : body;
        }
    }

    /** Tells these users (inactive or unknown names are skipped); answers how many were told. */
    @PreAuthorize(SENDERS)
    @Transactional
    public int send(Collection<String> usernames, Message message) {
        return deliver(users.recipients(usernames), message);
    }

    /** Tells every active user holding the role. */
    @PreAuthorize(SENDERS)
    @Transactional
    public int sendToRole(Role role, Message message) {
        return deliver(users.recipientsWithRole(role), message);
    }

    private int deliver(List<Recipient> recipients, Message message) {
        List<SimpleMailMessage> mails = new ArrayList<>();
        boolean mailing = mail.getIfAvailable() != null;
        for (Recipient r : recipients) {
            Notification n = new Notification(
                    r.username(), message.topic(), message.subject(), message.body(), message.link(), clock.instant());
            if (mailing && r.email() != null && !r.email().isBlank()) {
                n.mailedTo(r.email());
                mails.add(mailFor(r, message));
            }
            store.save(n);
        }
        AfterCommit.run(() -> mails.forEach(this::mail));
        return recipients.size();
    }

    private SimpleMailMessage mailFor(Recipient r, Message message) {
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(r.email());
        m.setSubject("[Aegis] " + message.subject());
        String link = message.link() == null ? "" : "\n\nOpen it in Aegis: " + url + "/" + message.link();
        m.setText("Hello " + (r.displayName() == null ? r.username() : r.displayName()) + ",\n\n" + message.body()
                + link + "\n\nYou get this because of your role or ownership in Aegis.\n");
        return m;
    }

    private void mail(SimpleMailMessage m) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            sender.send(m);
        } catch (MailException e) {
            log.warn("Could not mail notification \"{}\" to {}: {}", m.getSubject(), m.getTo(), e.getMessage());
        }
    }

    // ---- the signed-in user's own -----------------------------------------------------------------------------

    /** The signed-in user's newest notifications. */
    @PreAuthorize(ANY_ROLE)
    @Transactional(readOnly = true)
    public List<Notification> mine(int limit) {
        return store.newestFor(Actors.current(), PageRequest.of(0, Math.max(1, Math.min(limit, 500))));
    }

    @PreAuthorize(ANY_ROLE)
    @Transactional(readOnly = true)
    public long unreadCount() {
        return store.countUnread(Actors.current());
    }

    /** Marks one of the signed-in user's notifications read; someone else's is not found. */
    @PreAuthorize(ANY_ROLE)
    @Transactional
    public void markRead(long id) {
        Notification n = store.findById(id)
                .filter(x -> x.getRecipient().equals(Actors.current()))
                .orElseThrow(() -> new NotFoundException("No notification " + id + " for you."));
        n.read(clock.instant());
    }

    @PreAuthorize(ANY_ROLE)
    @Transactional
    public int markAllRead() {
        return store.readAll(Actors.current(), clock.instant());
    }
}
