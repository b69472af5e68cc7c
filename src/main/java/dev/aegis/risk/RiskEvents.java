package dev.aegis.risk;

import dev.aegis.shared.AuditableEvent;
import java.time.LocalDate;
import java.util.Map;

/**
 * Facts the risk register announces to other modules. Field-level changes reach the audit log through @Audited; the
 * events that carry something the fields do not (why a risk was reopened, that an acceptance ran out) are audited too.
 */
public final class RiskEvents {

    private RiskEvents() {}

    public record RiskIdentified(long riskId, String title) {}

    public record RiskAccepted(long riskId, String acceptedBy, LocalDate expiresOn) {}

    public record RiskClosed(long riskId) {}

    public record RiskReopened(long riskId, String reason) implements AuditableEvent {
        public String objectType() {
            return "Risk";
        }

        public String objectId() {
            return String.valueOf(riskId);
        }

        public String action() {
            return "REOPEN";
        }

        public Map<String, Object> details() {
            return Map.of("reason", reason);
        }
    }

    /** A finding put the risk's residual score in doubt: it is to be reassessed (assessed, treated or accepted anew). */
    public record RiskFlaggedForReassessment(long riskId, String reason) implements AuditableEvent {
        public String objectType() {
            return "Risk";
        }

        public String objectId() {
            return String.valueOf(riskId);
        }

        public String action() {
            return "FLAG_FOR_REASSESSMENT";
        }

        public Map<String, Object> details() {
            return Map.of("reason", reason);
        }
    }

    public record RiskAcceptanceExpired(long riskId, String acceptedBy, LocalDate expiredOn) implements AuditableEvent {
        public String objectType() {
            return "Risk";
        }

        public String objectId() {
            return String.valueOf(riskId);
        }

        public String action() {
            return "ACCEPTANCE_EXPIRED";
        }

        public Map<String, Object> details() {
            return Map.of("acceptedBy", acceptedBy, "expiredOn", expiredOn);
        }
    }

    /** The register, or the part matching the filters, left Aegis as a file. */
    public record RisksExported(String format, long rows, String filters) implements AuditableEvent {
        public String objectType() {
            return "Risk";
        }

        public String objectId() {
            return null;
        }

        public String action() {
            return "EXPORT";
        }

        public Map<String, Object> details() {
            return Map.of("format", format, "rows", rows, "filters", filters);
        }
    }

    /** A file was imported; each risk it raised or changed has its own entries as well. */
    public record RisksImported(String format, int created, int updated, int unchanged) implements AuditableEvent {
        public String objectType() {
            return "Risk";
        }

        public String objectId() {
            return null;
        }

        public String action() {
            return "IMPORT";
        }

        public Map<String, Object> details() {
            return Map.of("format", format, "created", created, "updated", updated, "unchanged", unchanged);
        }
    }
}
