package dev.aegis.aims;

/** The AIMS module's codes and the words people see for them. */
public final class AimsVocabulary {

    private AimsVocabulary() {}

    /** What a controlled document is; the prefix starts its reference (POL-001). */
    public enum DocumentKind {
        AI_POLICY("AI policy", "POL", true),
        TOPIC_POLICY("Topic policy", "POL", true),
        CONTEXT_AND_SCOPE("Context and scope", "SCO", false);

        private final String label;
        private final String prefix;
        private final boolean policy;

        DocumentKind(String label, String prefix, boolean policy) {
            this.label = label;
            this.prefix = prefix;
            this.policy = policy;
        }

        public String label() {
            return label;
        }

        public String prefix() {
            return prefix;
        }

        /** Policies are acknowledged by the people they apply to. */
        public boolean isPolicy() {
            return policy;
        }
    }

    /** Where a version stands in the document control. */
    public enum VersionStatus {
        DRAFT("Draft"),
        IN_REVIEW("In review"),
        APPROVED("Approved"),
        PUBLISHED("Published"),
        SUPERSEDED("Superseded"),
        WITHDRAWN("Withdrawn");

        private final String label;

        VersionStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The state inside a sentence: "Version 2 is in review". */
        public String inSentence() {
            return label.toLowerCase(java.util.Locale.ROOT);
        }

        /** Still being worked on: draft, in review or approved but not yet published. */
        public boolean isOpen() {
            return this == DRAFT || this == IN_REVIEW || this == APPROVED;
        }
    }

    /** The AIMS roles of ISO/IEC 42001 5.3 and A.3.2. */
    public enum AimsRole {
        TOP_MANAGEMENT("Top management (AIMS sponsor)"),
        AIMS_MANAGER("AI management system manager"),
        AI_RISK_OWNER("AI risk owner"),
        AI_SYSTEM_OWNER("AI system owner"),
        DATA_PROTECTION("Data protection officer"),
        INTERNAL_AUDITOR("Internal auditor"),
        AI_ETHICS_LEAD("Responsible AI / ethics lead"),
        INCIDENT_MANAGER("AI incident manager");

        private final String label;

        AimsRole(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
