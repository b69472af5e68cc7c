package dev.aegis.control;

/** The words of the control library. */
public final class ControlVocabulary {

    private ControlVocabulary() {}

    public enum ControlType {
        PREVENTIVE,
        DETECTIVE,
        CORRECTIVE
    }

    /** How far a control is implemented, in the library or on one AI system. */
    public enum ImplementationStatus {
        PLANNED,
        IN_PROGRESS,
        IMPLEMENTED,
        NOT_APPLICABLE
    }

    public enum TestFrequency {
        CONTINUOUS,
        PER_RELEASE,
        MONTHLY,
        QUARTERLY,
        ANNUALLY
    }

    public enum TestResult {
        PASSED,
        FAILED,
        PARTIAL
    }

    /** How much of a requirement a control meets. */
    public enum MappingStrength {
        FULL,
        PARTIAL
    }

    /** Where a requirement stands: met, partly met, or a gap. */
    public enum CoverageLevel {
        NOT_COVERED,
        PARTIAL,
        COVERED;

        public CoverageLevel atMost(CoverageLevel cap) {
            return compareTo(cap) <= 0 ? this : cap;
        }

        public boolean betterThan(CoverageLevel other) {
            return compareTo(other) > 0;
        }
    }

    /** "IN_PROGRESS" → "In progress"; a coverage level as Coverage says it ("Partly covered"). */
    public static String label(Enum<?> value) {
        if (value == null) {
            return "";
        }
        if (value == CoverageLevel.PARTIAL) {
            return "Partly covered";
        }
        String s = value.name().replace('_', ' ').toLowerCase();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
