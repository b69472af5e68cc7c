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

    /** "5 conform, 1 nonconformity, 2 observations, 1 not checked yet" (in the results' order), or "None". */
    public static String resultsSentence(java.util.Map<CheckResult, Long> counts) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (CheckResult r : CheckResult.values()) {
            long n = counts.getOrDefault(r, 0L);
            if (n > 0) {
                boolean one = n == 1;
                parts.add(n + " "
                        + switch (r) {
                            case NOT_CHECKED -> "not checked yet";
                            case CONFORMS -> one ? "conforms" : "conform";
                            case NONCONFORMITY -> one ? "nonconformity" : "nonconformities";
                            case OBSERVATION -> one ? "observation" : "observations";
                            case OPPORTUNITY -> one ? "opportunity for improvement" : "opportunities for improvement";
                            case NOT_APPLICABLE -> "not applicable";
                        });
            }
        }
        return parts.isEmpty() ? "None" : String.join(", ", parts);
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
