package dev.aegis.vendor;

import dev.aegis.shared.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A vendor manager's comment on one answer. The vendor sees it only as it stood when the assessment was last returned
 * for clarification ({@code sharedText}); later edits stay with the organisation until the next return.
 */
@Entity
@Audited
@Table(schema = "vendor", name = "answer_comment")
public class AnswerComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assessment_id")
    private long assessmentId;

    @Column(name = "question_id")
    private String questionId;

    private String text;

    @Column(name = "shared_text")
    private String sharedText;

    @Column(name = "shared_at")
    private Instant sharedAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected AnswerComment() {}

    AnswerComment(long assessmentId, String questionId) {
        this.assessmentId = assessmentId;
        this.questionId = questionId;
    }

    void write(String text, String by, Instant now) {
        this.text = text;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /** The assessment went back to the vendor: from now on the vendor reads the comment as it is. */
    void shared(Instant now) {
        this.sharedText = text;
        this.sharedAt = now;
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

    public String getText() {
        return text;
    }

    public String getSharedText() {
        return sharedText;
    }

    public Instant getSharedAt() {
        return sharedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public long getVersion() {
        return version;
    }
}
