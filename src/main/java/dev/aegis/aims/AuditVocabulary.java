package dev.aegis.aims;

/** The internal audit's codes (ISO/IEC 42001 9.2) and the words people see for them. */
public final class AuditVocabulary {

    private AuditVocabulary() {}

    /** Where a planned audit stands. */
    public enum AuditStatus {
        PLANNED("Planned"),
        IN_PROGRESS("In progress"),
        COMPLETED("Completed"),
        CANCELLED("Cancelled");

        private final String label;

        AuditStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the auditor found for one requirement of the checklist. */
    public enum CheckResult {
        NOT_CHECKED("Not checked yet"),
        CONFORMS("Conforms"),
        NONCONFORMITY("Nonconformity"),
        OBSERVATION("Observation"),
        OPPORTUNITY("Opportunity for improvement"),
        NOT_APPLICABLE("Not applicable");

        private final String label;

        CheckResult(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The label of a count of criteria with this result: "Criteria with an observation: 2". */
        public String criteriaLabel() {
            return switch (this) {
                case NOT_CHECKED -> "Criteria not checked yet";
                case CONFORMS -> "Criteria conforming";
                case NONCONFORMITY -> "Criteria with a nonconformity";
                case OBSERVATION -> "Criteria with an observation";
                case OPPORTUNITY -> "Criteria with an opportunity for improvement";
                case NOT_APPLICABLE -> "Criteria not applicable";
            };
        }
    }

    /** An audit finding's kind, as ISO/IEC 19011 and 42001 10.2 name them. */
    public enum FindingKind {
        NONCONFORMITY("Nonconformity"),
        OBSERVATION("Observation"),
        OPPORTUNITY("Opportunity for improvement");

        private final String label;

        FindingKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** "2 nonconformities, 1 observation" (in the kinds' order), or "None". */
    public static String findingsSentence(java.util.Map<FindingKind, Long> counts) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (FindingKind k : FindingKind.values()) {
            long n = counts.getOrDefault(k, 0L);
            if (n > 0) {
                parts.add(n + " "
                        + switch (k) {
                            case NONCONFORMITY -> n == 1 ? "nonconformity" : "nonconformities";
                            case OBSERVATION -> n == 1 ? "observation" : "observations";
                            case OPPORTUNITY ->
                                n == 1 ? "opportunity for improvement" : "opportunities for improvement";
                        });
            }
        }
        return parts.isEmpty() ? "None" : String.join(", ", parts);
    }
}
