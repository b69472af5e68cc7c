package dev.aegis.vendor;

import dev.aegis.shared.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One version of a questionnaire template, never changed once written: a change to a template is a new version, so an
 * assessment keeps the questions it was started with. The document is the questionnaire as JSON; the audit log notes
 * that it was written (the text itself stays here, with every version).
 */
@Entity
@Audited(masked = "document")
@Table(schema = "vendor", name = "questionnaire_template")
public class QuestionnaireTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "template_key")
    private String key;

    private int version;
    private String title;
    private String document;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    protected QuestionnaireTemplate() {}

    QuestionnaireTemplate(String key, int version, String title, String document, String createdBy, Instant now) {
        this.key = key;
        this.version = version;
        this.title = title;
        this.document = document;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public int getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public String getDocument() {
        return document;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
