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
        return score >= 15 ? "Critical" : score >= 8 ? "High" : score >= 4 ? "Medium" : "Low";
    }
}
