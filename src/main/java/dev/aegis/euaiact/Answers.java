package dev.aegis.euaiact;

import java.util.Set;

/**
 * A governance officer's answers to the classification questionnaire, one per question, in the order the
 * questionnaire asks them. Sets are never null (an empty set is "none of these").
 *
 * @param aiSystem Art. 3(1): a machine-based system that infers from its input how to generate outputs
 * @param prohibitedPractices Art. 5(1)(a)–(h) practices the system performs
 * @param annexISafetyComponent Art. 6(1): a safety component of a product (or itself a product) under the Union
 *     harmonisation legislation of Annex I that must undergo a third-party conformity assessment
 * @param annexIIIUses Annex III points the system is intended for ("4(a)", "5(b)")
 * @param profiling whether it profiles natural persons (Art. 6(3), last subparagraph: then always high-risk)
 * @param derogationConditions the Art. 6(3) conditions the system meets
 * @param derogationReasoning the documented assessment Art. 6(4) requires before relying on the derogation
 * @param transparencyCases Art. 50 cases
 * @param gpai whether the organisation provides a general-purpose AI model, and with systemic risk
 * @param roles the organisation's roles for this system (Art. 3(3)–(8))
 * @param publicService the deployer is a body governed by public law or a private entity providing public services
 *     (Art. 27(1))
 */
public record Answers(
        boolean aiSystem,
        Set<ProhibitedPractice> prohibitedPractices,
        boolean annexISafetyComponent,
        Set<String> annexIIIUses,
        boolean profiling,
        Set<Derogation> derogationConditions,
        String derogationReasoning,
        Set<TransparencyCase> transparencyCases,
        Gpai gpai,
        Set<ActRole> roles,
        boolean publicService) {

    public Answers {
        prohibitedPractices = prohibitedPractices == null ? Set.of() : Set.copyOf(prohibitedPractices);
        annexIIIUses = annexIIIUses == null ? Set.of() : Set.copyOf(annexIIIUses);
        derogationConditions = derogationConditions == null ? Set.of() : Set.copyOf(derogationConditions);
        transparencyCases = transparencyCases == null ? Set.of() : Set.copyOf(transparencyCases);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        gpai = gpai == null ? Gpai.NONE : gpai;
        derogationReasoning = derogationReasoning == null ? "" : derogationReasoning.strip();
    }

    /** Art. 5(1) points (a)–(h), in words. */
    public enum ProhibitedPractice {
        A("Subliminal, manipulative or deceptive techniques that distort behaviour and cause significant harm"),
        B("Exploiting vulnerabilities of age, disability or a social or economic situation"),
        C("Social scoring that leads to detrimental or unfavourable treatment"),
        D("Predicting that a person will commit a crime based solely on profiling or personality traits"),
        E("Untargeted scraping of facial images to build facial recognition databases"),
        F("Inferring emotions in the workplace or in education (except for medical or safety reasons)"),
        G(
                "Biometric categorisation to infer race, political opinions, trade union membership, religion, sex life or orientation"),
        H("Real-time remote biometric identification in publicly accessible spaces for law enforcement");

        private final String words;

        ProhibitedPractice(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** "5(1)(c)" */
        public String citation() {
            return "5(1)(" + name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
    }

    /** Art. 6(3) conditions (a)–(d). */
    public enum Derogation {
        NARROW_PROCEDURAL_TASK("a", "It performs a narrow procedural task"),
        IMPROVES_HUMAN_RESULT("b", "It improves the result of a previously completed human activity"),
        DETECTS_PATTERNS(
                "c",
                "It detects decision-making patterns or deviations without replacing or influencing the human assessment without proper human review"),
        PREPARATORY_TASK("d", "It performs a preparatory task to an assessment relevant to an Annex III use");

        private final String point;
        private final String words;

        Derogation(String point, String words) {
            this.point = point;
            this.words = words;
        }

        public String words() {
            return words;
        }

        public String citation() {
            return "6(3)(" + point + ")";
        }
    }

    /** Art. 50 transparency cases. */
    public enum TransparencyCase {
        INTERACTS_WITH_PEOPLE("50(1)", "It interacts directly with people (a chatbot, a voice assistant)"),
        GENERATES_SYNTHETIC_CONTENT("50(2)", "It generates synthetic audio, image, video or text"),
        EMOTION_OR_BIOMETRIC_CATEGORISATION("50(3)", "It recognises emotions or categorises people by biometric data"),
        DEEP_FAKE("50(4)", "It generates or manipulates deep fakes, or text published to inform the public");

        private final String citation;
        private final String words;

        TransparencyCase(String citation, String words) {
            this.citation = citation;
            this.words = words;
        }

        public String words() {
            return words;
        }

        public String citation() {
            return citation;
        }
    }

    /** General-purpose AI models (Art. 3(63), 51). */
    public enum Gpai {
        NONE("No: the organisation does not provide a general-purpose AI model with it"),
        MODEL("Yes, a general-purpose AI model"),
        SYSTEMIC_RISK("Yes, a general-purpose AI model with systemic risk (Art. 51)");

        private final String words;

        Gpai(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The operator roles of Art. 3(3)–(8). */
    public enum ActRole {
        PROVIDER(
                "Provider: develops it, or has it developed, and places it on the market or puts it into service under its own name"),
        DEPLOYER("Deployer: uses it under its authority"),
        IMPORTER(
                "Importer: places on the EU market a system bearing the name of a provider established outside the EU"),
        DISTRIBUTOR("Distributor: makes it available on the EU market, neither provider nor importer"),
        PRODUCT_MANUFACTURER("Product manufacturer: places it on the market with its product under its own name"),
        AUTHORISED_REPRESENTATIVE("Authorised representative of a provider established outside the EU");

        private final String words;

        ActRole(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public String label() {
            String s = name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }
}
