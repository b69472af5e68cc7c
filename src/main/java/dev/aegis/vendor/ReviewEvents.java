package dev.aegis.vendor;

import dev.aegis.shared.AuditableEvent;
import java.util.Map;

/** Facts of reviewing an assessment: returned for clarification, shortfalls confirmed as risks, the report exported. */
public final class ReviewEvents {

    private ReviewEvents() {}

    /** A vendor manager sent a submitted assessment back to the vendor; the comments written so far reach the vendor. */
    public record AssessmentReturned(long assessmentId, long vendorId) {}

    /** A shortfall of an assessment became a risk of an AI system that depends on the vendor. */
    public record FindingConfirmedAsRisk(long assessmentId, String questionId, long systemId, long riskId)
            implements AuditableEvent {
        public String objectType() {
            return "Assessment";
        }

        public String objectId() {
            return String.valueOf(assessmentId);
        }

        public String action() {
            return "FINDING_CONFIRMED_AS_RISK";
        }

        public Map<String, Object> details() {
            return Map.of("question", questionId, "system", systemId, "risk", riskId);
        }
    }

    /** The assessment report left Aegis as a PDF. */
    public record AssessmentReportExported(long assessmentId, String format) implements AuditableEvent {
        public String objectType() {
            return "Assessment";
        }

        public String objectId() {
            return String.valueOf(assessmentId);
        }

        public String action() {
            return "EXPORT";
        }

        public Map<String, Object> details() {
            return Map.of("format", format);
        }
    }

    /** A reviewer downloaded a file the vendor uploaded. */
    public record AnswerFileDownloaded(long assessmentId, long fileId, String sha256) implements AuditableEvent {
        public String objectType() {
            return "AnswerFile";
        }

        public String objectId() {
            return String.valueOf(fileId);
        }

        public String action() {
            return "DOWNLOAD";
        }

        public Map<String, Object> details() {
            return Map.of("assessment", assessmentId, "sha256", sha256);
        }
    }
}
