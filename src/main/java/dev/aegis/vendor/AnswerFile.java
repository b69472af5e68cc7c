package dev.aegis.vendor;

import dev.aegis.shared.Audited;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file the vendor uploaded as the answer (evidence) to a FILE question of one assessment: its name, the type
 * detected from its content, its size and SHA-256, and the bytes. Never changed once stored.
 */
@Entity
@Audited(masked = "content")
@Table(schema = "vendor", name = "answer_file")
public class AnswerFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assessment_id")
    private long assessmentId;

    @Column(name = "question_id")
    private String questionId;

    private String name;

    @Column(name = "media_type")
    private String mediaType;

    private long size;
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    @Column(name = "uploaded_by")
    private String uploadedBy;

    protected AnswerFile() {}

    AnswerFile(
            long assessmentId,
            String questionId,
            String name,
            String mediaType,
            long size,
            String sha256,
            byte[] content,
            String uploadedBy,
            Instant now) {
        this.assessmentId = assessmentId;
        this.questionId = questionId;
        this.name = name;
        this.mediaType = mediaType;
        this.size = size;
        this.sha256 = sha256;
        this.content = content;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getAssessmentId() {
        return assessmentId;
    }

    public String getQuestionId() {
        return questionId;
    }

    public String getName() {
        return name;
    }

    public String getMediaType() {
        return mediaType;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getContent() {
        return content;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }
}
