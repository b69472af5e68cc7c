package dev.aegis.vendor;

import dev.aegis.shared.Actors;
import java.time.Instant;
import java.util.Set;

/** Facts the vendor register announces to other modules (field-level changes reach the audit log through @Audited). */
public final class VendorEvents {

    private VendorEvents() {}

    public record VendorRegistered(long vendorId, String name) {}

    public record VendorChanged(long vendorId, String name) {}

    public record VendorRemoved(long vendorId, String name) {}

    public record AssessmentStarted(long assessmentId, long vendorId, long templateId) {}

    /** The vendor submitted its answers; a vendor manager reviews them. */
    public record AssessmentSubmitted(long assessmentId, long vendorId) {}

    /**
     * A vendor manager approved or rejected an assessment; {@code score} is null when nothing scored was answered. It
     * carries what its listeners need of the vendor as it stood (name, criticality and tier by their names, the AI
     * systems depending on it), so none of them calls back into the vendor register.
     */
    public record AssessmentDecided(
            long assessmentId,
            long vendorId,
            String vendor,
            String criticality,
            String tier,
            Set<Long> systems,
            boolean approved,
            Integer score,
            String decidedBy,
            Instant decidedAt) {

        public AssessmentDecided {
            systems = systems == null ? Set.of() : Set.copyOf(systems);
        }

        /** Decided now by the signed-in user (the event travels to listeners that run later, as the system). */
        public static AssessmentDecided of(
                long assessmentId, Vendor vendor, boolean approved, Integer score, Instant decidedAt) {
            return new AssessmentDecided(
                    assessmentId,
                    vendor.getId(),
                    vendor.getName(),
                    vendor.getCriticality() == null
                            ? null
                            : vendor.getCriticality().name(),
                    vendor.getTier() == null ? null : vendor.getTier().name(),
                    vendor.getSystems(),
                    approved,
                    score,
                    Actors.current(),
                    decidedAt);
        }
    }
}
