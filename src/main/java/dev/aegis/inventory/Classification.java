package dev.aegis.inventory;

/** The vocabularies an AI system record is described with. */
public final class Classification {

    private Classification() {}

    /** How screens, exports' readers and imports name a value: "Human in the loop", "PHI (health data)". */
    public static String label(Enum<?> e) {
        if (e == null) {
            return "";
        }
        String s = e.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return switch (e.name()) {
            case "PHI" -> "PHI (health data)";
            case "GENERATIVE_LLM" -> "Generative / LLM";
            default -> Character.toUpperCase(s.charAt(0)) + s.substring(1);
        };
    }

    /** Where the system stands in the MLOps life cycle. */
    public enum LifecycleStage {
        DATA,
        DEVELOPMENT,
        TRAINING,
        DEPLOYMENT,
        MONITORING,
        RETIREMENT
    }

    public enum Deployment {
        IN_HOUSE,
        VENDOR_API,
        EMBEDDED_IN_VENDOR_PRODUCT
    }

    public enum ModelType {
        GENERATIVE_LLM,
        CLASSIFIER,
        REGRESSION,
        RECOMMENDER,
        OTHER
    }

    public enum DataCategory {
        PHI,
        PERSONAL_DATA,
        BIOMETRIC,
        FINANCIAL,
        NONE
    }

    public enum AffectedGroup {
        PATIENTS,
        CUSTOMERS,
        EMPLOYEES,
        PUBLIC
    }

    public enum Autonomy {
        HUMAN_IN_THE_LOOP,
        HUMAN_ON_THE_LOOP,
        AUTONOMOUS
    }

    /** EU AI Act risk tier. */
    public enum EuAiActTier {
        UNASSESSED,
        MINIMAL,
        LIMITED,
        HIGH,
        PROHIBITED
    }

    /** EU AI Act role of the organisation for this system. */
    public enum EuAiActRole {
        PROVIDER,
        DEPLOYER,
        PROVIDER_AND_DEPLOYER,
        /** Places on the EU market a system of a provider established outside the EU (Art. 3(6)). */
        IMPORTER,
        /** Makes it available on the EU market, neither provider nor importer (Art. 3(7)). */
        DISTRIBUTOR,
        /** Acts in the EU for a provider established outside it, by written mandate (Art. 3(5), 22). */
        AUTHORISED_REPRESENTATIVE,
        NONE
    }

    public enum Status {
        PLANNED,
        ACTIVE,
        SUSPENDED,
        RETIRED
    }
}
