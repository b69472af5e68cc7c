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

/** The vendor's answer to one question of an assessment, as JSON; its version detects two concurrent edits. */
@Entity
@Audited
@Table(schema = "vendor", name = "assessment_answer")
public class AssessmentAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assessment_id")
    private long assessmentId;

    @Column(name = "question_id")
    private String questionId;

    private String value;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected AssessmentAnswer() {}

    AssessmentAnswer(long assessmentId, String questionId) {
        this.assessmentId = assessmentId;
        this.questionId = questionId;
    }

    void set(String json, Instant now) {
        this.value = json;
        this.updatedAt = now;
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

    public String getValue() {
        return value;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
