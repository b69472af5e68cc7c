package dev.aegis.risk;

/** The vocabularies a risk is described with. */
public final class RiskVocabulary {

    private RiskVocabulary() {}

    public enum Category {
        PRIVACY,
        SECURITY,
        FAIRNESS,
        SAFETY,
        TRANSPARENCY,
        RELIABILITY,
        THIRD_PARTY,
        COMPLIANCE
    }

    public enum Treatment {
        MITIGATE,
        ACCEPT,
        TRANSFER,
        AVOID
    }

    /** identified → assessed → treated → closed; or accepted (for a while) after assessment or treatment. */
    public enum Status {
        IDENTIFIED,
        ASSESSED,
        TREATED,
        CLOSED,
        ACCEPTED
    }

    /** The band of a risk score (1–25), as the heat map shows it: "Critical" (15–25), "High", "Medium", "Low". */
    public static String band(int score) {
        return Band.of(score).label();
    }

    /** The bands of a risk score (likelihood × impact, 1–25), worst first, as the heat map colours them. */
    public enum Band {
        CRITICAL("Critical", 15, 25),
        HIGH("High", 8, 14),
        MEDIUM("Medium", 4, 7),
        LOW("Low", 1, 3);

        private final String label;
        private final int lowest;
        private final int highest;

        Band(String label, int lowest, int highest) {
            this.label = label;
            this.lowest = lowest;
            this.highest = highest;
        }

        public static Band of(int score) {
            return score >= 15 ? CRITICAL : score >= 8 ? HIGH : score >= 4 ? MEDIUM : LOW;
        }

        public String label() {
            return label;
        }

        public int lowest() {
            return lowest;
        }

        public int highest() {
            return highest;
        }

        /** "Critical (15–25)". */
        public String labelWithRange() {
            return label + " (" + lowest + "–" + highest + ")";
        }
    }
}
