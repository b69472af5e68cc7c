package dev.aegis.aims;

/** The words of AI objectives (ISO/IEC 42001 6.2): where an indicator's values come from and which way is better. */
public final class ObjectiveVocabulary {

    private ObjectiveVocabulary() {}

    /**
     * What an objective measures. Every indicator but {@link #MANUAL} is computed by Aegis from its own registers, in
     * percent; a manual indicator is entered by hand in the unit the objective names.
     */
    public enum Indicator {
        HIGH_RISKS_TREATED(
                "Share of high and critical risks treated",
                "Risks assessed high or critical (inherent score 8 or more) that are treated, accepted or closed"),
        CONTROLS_IMPLEMENTED(
                "Control implementation rate",
                "Implemented controls among those that apply, as the control register counts them"),
        TELEMETRY_TESTS_PASSING("Telemetry tests passing", "Telemetry tests whose newest result with data passed"),
        VENDOR_ASSESSMENTS_CURRENT(
                "Vendor assessments current",
                "Vendors whose newest approved assessment is not yet due again under their reassessment interval"),
        POLICY_ACKNOWLEDGED(
                "AI policy acknowledgement rate",
                "People in the user directory who acknowledged the AI policy version in force"),
        MANUAL("Entered by hand", "Values recorded by hand, in the objective's own unit");

        private final String label;
        private final String meaning;

        Indicator(String label, String meaning) {
            this.label = label;
            this.meaning = meaning;
        }

        public String label() {
            return label;
        }

        /** What the indicator counts, in a sentence. */
        public String meaning() {
            return meaning;
        }

        /** Computed by Aegis (in percent) rather than entered by hand. */
        public boolean isComputed() {
            return this != MANUAL;
        }
    }

    /** Whether the target is a floor (at least) or a ceiling (at most). */
    public enum Direction {
        AT_LEAST("at least", "≥"),
        AT_MOST("at most", "≤");

        private final String words;
        private final String sign;

        Direction(String words, String sign) {
            this.words = words;
            this.sign = sign;
        }

        /** "at least" */
        public String words() {
            return words;
        }

        public String sign() {
            return sign;
        }

        /** Whether this value meets the target. */
        public boolean meets(double value, double target) {
            return this == AT_LEAST ? value >= target - 1e-9 : value <= target + 1e-9;
        }
    }
}
