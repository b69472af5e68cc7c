package dev.aegis.aims;

import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.shared.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A controlled AIMS document: its stable reference, title, owner and retention. What it says lives in its versions
 * ({@link DocumentVersion}); the document itself only names and keeps them.
 */
@Entity
@Audited
@Table(schema = "aims", name = "document")
class AimsDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private DocumentKind kind;

    @Column(updatable = false)
    private String reference;

    private String title;
    private String owner;

    @Column(name = "retention_years")
    private int retentionYears;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected AimsDocument() {}

    AimsDocument(
            DocumentKind kind,
            String reference,
            String title,
            String owner,
            int retentionYears,
            String createdBy,
            Instant createdAt) {
        this.kind = kind;
        this.reference = reference;
        this.title = title;
        this.owner = owner;
        this.retentionYears = retentionYears;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void describe(String title, String owner, int retentionYears) {
        this.title = title;
        this.owner = owner;
        this.retentionYears = retentionYears;
    }

    Long getId() {
        return id;
    }

    DocumentKind getKind() {
        return kind;
    }

    String getReference() {
        return reference;
    }

    String getTitle() {
        return title;
    }

    String getOwner() {
        return owner;
    }

    int getRetentionYears() {
        return retentionYears;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    long getVersion() {
        return version;
    }
}
