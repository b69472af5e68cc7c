package dev.aegis.finding;

/** The words of the findings register. */
public final class FindingVocabulary {

    private FindingVocabulary() {}

    /** Where a finding stands. Open and investigating findings are "open": a new breach of their cause adds to them. */
    public enum State {
        OPEN("Open"),
        INVESTIGATING("Investigating"),
        RESOLVED("Resolved"),
        ACCEPTED("Accepted");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean isOpen() {
            return this == OPEN || this == INVESTIGATING;
        }
    }

    /** How bad a finding is; see {@link Severity#of} and docs/findings.md for the rule. */
    public enum Severity {
        LOW("Low"),
        MEDIUM("Medium"),
        HIGH("High"),
        CRITICAL("Critical");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /**
         * The severity of one breach: how far the figure lies past the threshold, relative to the threshold (absolute
         * when the threshold is 0) — up to 10 % low, up to 50 % medium, up to 100 % high, beyond critical — raised one
         * step when the control mitigates a high risk (inherent score 15 or more).
         */
        public static Severity of(double figure, double threshold, boolean mitigatesHighRisk) {
            double excess = Math.abs(figure - threshold) / (threshold == 0 ? 1 : Math.abs(threshold));
            Severity base = excess <= 0.10 ? LOW : excess <= 0.50 ? MEDIUM : excess <= 1.0 ? HIGH : CRITICAL;
            return mitigatesHighRisk ? base.raised() : base;
        }

        Severity raised() {
            return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
        }

        public Severity atLeast(Severity other) {
            return other != null && other.ordinal() > ordinal() ? other : this;
        }
    }

    /** A point on a finding's timeline. */
    public enum OccurrenceKind {
        /** A failing result, or an alert seen open. */
        BREACH,
        /** A passing result, or the alert seen cleared, while the finding was open. */
        RECOVERY
    }
}
