package dev.aegis.aims;

import java.util.Locale;

/** The words of AI system impact assessments (ISO/IEC 42001 6.1.4, 8.4, A.5; ISO/IEC 42005). */
public final class ImpactVocabulary {

    private ImpactVocabulary() {}

    /** Where a version of an impact assessment stands. */
    public enum Stage {
        DRAFT("Draft"),
        APPROVED("Approved"),
        SUPERSEDED("Superseded");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Who an impact falls on (ISO/IEC 42001 A.5.4 individuals and groups, A.5.5 society). */
    public enum Affected {
        INDIVIDUALS("Individuals"),
        GROUPS("Groups of individuals"),
        SOCIETY("Society");

        private final String label;

        Affected(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The risk register's 1-5 likelihood scale, in words. */
    public static String likelihood(int level) {
        return switch (level) {
            case 1 -> "Rare";
            case 2 -> "Unlikely";
            case 3 -> "Possible";
            case 4 -> "Likely";
            case 5 -> "Almost certain";
            default -> "Level " + level;
        };
    }

    /** The risk register's 1-5 impact scale, in words, for an impact's severity. */
    public static String severity(int level) {
        return switch (level) {
            case 1 -> "Negligible";
            case 2 -> "Minor";
            case 3 -> "Moderate";
            case 4 -> "Major";
            case 5 -> "Severe";
            default -> "Level " + level;
        };
    }

    /** "3 impacts", "1 impact". */
    public static String count(long n, String singular) {
        return n + " " + (n == 1 ? singular : singular + "s");
    }

    static String lower(String label) {
        return label.toLowerCase(Locale.ROOT);
    }
}
