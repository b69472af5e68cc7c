package dev.aegis.vendor;

import dev.aegis.shared.AuditableEvent;
import dev.aegis.vendor.VendorVocabulary.CertificationType;
import java.time.LocalDate;
import java.util.Map;

/**
 * What the assessment calendar did on its own: reminders, overdue notices, reassessments it started and certificate
 * expiry warnings. Each lands in the audit log (the actor is {@code system}).
 */
public final class AssessmentCalendarEvents {

    private AssessmentCalendarEvents() {}

    /** The vendor's contacts were reminded that an assessment is due soon. */
    public record AssessmentReminderSent(
            long assessmentId, long vendorId, LocalDate dueOn, long daysLeft, int contactsMailed)
            implements AuditableEvent {
        public String objectType() {
            return "Assessment";
        }

        public String objectId() {
            return String.valueOf(assessmentId);
        }

        public String action() {
            return "REMINDER_SENT";
        }

        public Map<String, Object> details() {
            return Map.of("vendorId", vendorId, "dueOn", dueOn, "daysLeft", daysLeft, "contactsMailed", contactsMailed);
        }
    }

    /** An assessment still awaiting the vendor passed its due date. */
    public record AssessmentFellOverdue(long assessmentId, long vendorId, LocalDate dueOn, int contactsMailed)
            implements AuditableEvent {
        public String objectType() {
            return "Assessment";
        }

        public String objectId() {
            return String.valueOf(assessmentId);
        }

        public String action() {
            return "OVERDUE";
        }

        public Map<String, Object> details() {
            return Map.of("vendorId", vendorId, "dueOn", dueOn, "contactsMailed", contactsMailed);
        }
    }

    /** The calendar started the next assessment of a vendor on a reassessment schedule. */
    public record ReassessmentStarted(
            long assessmentId, long vendorId, long templateId, long previousAssessmentId, LocalDate dueOn)
            implements AuditableEvent {
        public String objectType() {
            return "Assessment";
        }

        public String objectId() {
            return String.valueOf(assessmentId);
        }

        public String action() {
            return "REASSESSMENT_STARTED";
        }

        public Map<String, Object> details() {
            return Map.of(
                    "vendorId",
                    vendorId,
                    "templateId",
                    templateId,
                    "previousAssessmentId",
                    previousAssessmentId,
                    "dueOn",
                    dueOn);
        }
    }

    /** A vendor manager chose how often a vendor is assessed again (null: by its criticality). */
    public record ReassessmentIntervalChosen(
            long vendorId, ReassessmentInterval interval, ReassessmentInterval effective) implements AuditableEvent {
        public String objectType() {
            return "Vendor";
        }

        public String objectId() {
            return String.valueOf(vendorId);
        }

        public String action() {
            return "REASSESSMENT_INTERVAL";
        }

        public Map<String, Object> details() {
            return Map.of("interval", String.valueOf(interval), "effective", effective);
        }
    }

    /**
     * Vendor managers were warned that a certificate expires within {@code withinDays} days, or has expired
     * ({@code withinDays} 0).
     */
    public record CertificateExpiryWarned(long vendorId, CertificationType kind, LocalDate expiresOn, int withinDays)
            implements AuditableEvent {
        public String objectType() {
            return "Vendor";
        }

        public String objectId() {
            return String.valueOf(vendorId);
        }

        public String action() {
            return withinDays == 0 ? "CERTIFICATE_EXPIRED" : "CERTIFICATE_EXPIRING";
        }

        public Map<String, Object> details() {
            return Map.of("certificate", kind.label(), "expiresOn", expiresOn, "withinDays", withinDays);
        }
    }
}
