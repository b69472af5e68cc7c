package dev.aegis.aims;

/** Nonconformity and corrective action (ISO/IEC 42001 10.1, 10.2): codes and the words people see for them. */
public final class CorrectionVocabulary {

    private CorrectionVocabulary() {}

    /** A nonconformity to correct, or an opportunity for improvement kept to act on (10.1). */
    public enum NcKind {
        NONCONFORMITY("Nonconformity"),
        IMPROVEMENT("Improvement opportunity");

        private final String label;

        NcKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where it was raised from. */
    public enum NcSource {
        AUDIT_FINDING("Internal audit finding"),
        TELEMETRY_FINDING("Telemetry finding"),
        VENDOR_ASSESSMENT("Vendor assessment"),
        MANUAL("Raised by hand");

        private final String label;

        NcSource(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Open (raised), in treatment (contained or with actions), closed (found effective by someone else). */
    public enum NcStatus {
        OPEN("Open"),
        IN_TREATMENT("In treatment"),
        CLOSED("Closed");

        private final String label;

        NcStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
