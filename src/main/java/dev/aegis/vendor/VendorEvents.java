package dev.aegis.vendor;

/** Facts the vendor register announces to other modules (field-level changes reach the audit log through @Audited). */
public final class VendorEvents {

    private VendorEvents() {}

    public record VendorRegistered(long vendorId, String name) {}

    public record VendorChanged(long vendorId, String name) {}

    public record VendorRemoved(long vendorId, String name) {}

    public record AssessmentStarted(long assessmentId, long vendorId, long templateId) {}

    /** The vendor submitted its answers; a vendor manager reviews them. */
    public record AssessmentSubmitted(long assessmentId, long vendorId) {}

    /** A vendor manager approved or rejected an assessment; {@code score} is null when nothing scored was answered. */
    public record AssessmentDecided(
            long assessmentId, long vendorId, boolean approved, Integer score, String decidedBy) {
        /** Decided by the signed-in user (the event travels to listeners that run later, as the system). */
        public AssessmentDecided(long assessmentId, long vendorId, boolean approved, Integer score) {
            this(assessmentId, vendorId, approved, score, dev.aegis.shared.Actors.current());
        }
    }
}
