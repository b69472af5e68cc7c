package dev.aegis.inventory;

import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.RequirementKind;
import dev.aegis.inventory.Classification.DataCategory;
import dev.aegis.inventory.Classification.Deployment;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.Classification.ModelType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The scope rules: which requirements of which bundled framework apply to an AI system, and why. Each row reads
 * "when the system is like this, these requirements apply, for this reason". To extend the table, add a row; the
 * reason is shown to the officer who confirms or excludes the proposal, so write it for them.
 *
 * <p>A requirement proposed by several rows carries all their reasons. Nothing proposes an OWASP LLM entry except the
 * rows for generative systems, so a classifier never gets them.
 */
final class ScopeRules {

    static final String NIST_RMF = "NIST-AI-RMF-1.0";
    static final String ISO_42001 = "ISO-IEC-42001-2023";
    static final String OWASP_LLM = "OWASP-LLM-TOP10-2025";
    static final String NIST_GAI = "NIST-AI-600-1";
    static final String ATLAS = "MITRE-ATLAS";

    /** One row of the table. */
    record Rule(String framework, Predicate<AiSystemDetails> when, Which which, String reason) {}

    /** What the rules read from the framework catalogs. */
    interface Catalog {
        /** The requirements of a framework; empty when it is not installed. */
        List<RequirementSummary> requirements(String framework);

        /** The ids of requirements the catalog links as addressing this one (NIST AI 600-1 actions to a GAI risk). */
        Set<Long> addressing(String framework, String refId);
    }

    /** Which requirements of the rule's framework it proposes. */
    interface Which {
        boolean test(RequirementSummary requirement, Catalog catalog);

        default Which or(Which other) {
            return (r, c) -> test(r, c) || other.test(r, c);
        }
    }

    static final List<Rule> RULES = List.of(
            // every system
            new Rule(
                    NIST_RMF,
                    any(),
                    assessable(),
                    "Every AI system in the register is governed under the NIST AI RMF: its subcategories are the baseline outcomes."),
            new Rule(
                    ISO_42001,
                    any(),
                    annexAControl(),
                    "Every AI system falls within the AI management system: ISO/IEC 42001 Annex A controls apply to it."),

            // generative systems
            new Rule(
                    OWASP_LLM,
                    generative(),
                    assessable(),
                    "Generative (LLM) system: every OWASP Top 10 for LLM Applications risk applies."),
            new Rule(
                    NIST_GAI,
                    generative(),
                    assessable(),
                    "Generative (LLM) system: the NIST AI 600-1 Generative AI Profile suggests these actions."),

            // personal, health and biometric data
            new Rule(
                    NIST_RMF,
                    personalData(),
                    refIds("MEASURE 2.10", "MEASURE 2.2", "MAP 1.6", "MAP 4.1", "GOVERN 1.1"),
                    "Processes PHI, personal or biometric data: privacy risk, legal requirements and data rights must be examined."),
            new Rule(
                    ISO_42001,
                    personalData(),
                    refPrefix("A.7.").or(refIds("A.5.4")),
                    "Processes PHI, personal or biometric data: data acquisition, quality, provenance and impact on individuals must be controlled."),
            new Rule(
                    NIST_GAI,
                    generative().and(personalData()),
                    addressing("GAI-04"),
                    "Generative system with PHI, personal or biometric data: NIST AI 600-1 links this action to the Data Privacy risk."),
            new Rule(
                    OWASP_LLM,
                    generative().and(personalData()),
                    refIds("LLM02:2025"),
                    "Generative system with PHI, personal or biometric data: sensitive information can leak through its output."),

            // third parties
            new Rule(
                    NIST_RMF,
                    fromVendor(),
                    refIds("GOVERN 6.1", "GOVERN 6.2", "MAP 4.1", "MAP 4.2", "MANAGE 3.1", "MANAGE 3.2"),
                    "Bought from or run by a vendor: third-party AI risks, contingencies and pre-trained components must be managed."),
            new Rule(
                    ISO_42001,
                    fromVendor(),
                    refPrefix("A.10."),
                    "Bought from or run by a vendor: responsibilities between the organisation and its suppliers must be allocated."),
            new Rule(
                    NIST_GAI,
                    generative().and(fromVendor()),
                    addressing("GAI-12"),
                    "Generative system from a vendor: NIST AI 600-1 links this action to the Value Chain and Component Integration risk."),
            new Rule(
                    OWASP_LLM,
                    generative().and(fromVendor()),
                    refIds("LLM03:2025"),
                    "Generative system from a vendor: the model and its supply chain are outside the organisation's control."),

            // EU AI Act high risk
            new Rule(
                    NIST_RMF,
                    highRisk(),
                    refIds("GOVERN 3.2", "MAP 3.5", "MAP 2.2", "MEASURE 2.8", "MEASURE 2.9", "MANAGE 2.4"),
                    "High risk under the EU AI Act: human oversight, transparency and the means to stop the system are required (Art. 13, 14)."),
            new Rule(
                    ISO_42001,
                    highRisk(),
                    refIds("A.6.2.7", "A.6.2.8", "A.8.2", "A.9.4", "A.5.2", "A.5.3"),
                    "High risk under the EU AI Act: technical documentation, event logs and information for users are required (Art. 11–13)."));

    /**
     * The threats typical for a system of this kind: the OWASP LLM rows of {@link #RULES} (the same entries a generative
     * system has in scope, for the same reasons) and these rows of MITRE ATLAS techniques. They are not scope: a system
     * does not comply with a technique, its risks describe it. The risk register lists those no risk covers yet.
     */
    static final List<Rule> THREATS = java.util.stream.Stream.concat(
                    RULES.stream().filter(r -> r.framework().equals(OWASP_LLM)),
                    java.util.stream.Stream.of(
                            new Rule(
                                    ATLAS,
                                    generative(),
                                    refIds(
                                            "AML.T0051",
                                            "AML.T0054",
                                            "AML.T0056",
                                            "AML.T0057",
                                            "AML.T0061",
                                            "AML.T0070",
                                            "AML.T0077",
                                            "AML.T0029",
                                            "AML.T0034"),
                                    "Generative (LLM) system: prompts and retrieved content steer it, and its output can leak data or carry attacks."),
                            new Rule(
                                    ATLAS,
                                    generative().and(acting()),
                                    refIds("AML.T0053", "AML.T0086"),
                                    "Generative system acting without a person confirming each step: its tool calls can be hijacked."),
                            new Rule(
                                    ATLAS,
                                    predictive(),
                                    refIds(
                                            "AML.T0015",
                                            "AML.T0043",
                                            "AML.T0020",
                                            "AML.T0018",
                                            "AML.T0024.000",
                                            "AML.T0024.001",
                                            "AML.T0024.002"),
                                    "Classifier, regression or recommender: crafted inputs evade it, poisoned data skews it, queries extract or invert it."),
                            new Rule(
                                    ATLAS,
                                    personalData(),
                                    refIds("AML.T0024", "AML.T0024.000", "AML.T0024.001", "AML.T0025"),
                                    "Processes PHI, personal or biometric data: attackers infer or exfiltrate it through the model or its infrastructure."),
                            new Rule(
                                    ATLAS,
                                    fromVendor(),
                                    refIds("AML.T0010", "AML.T0010.001", "AML.T0010.003"),
                                    "Bought from or run by a vendor: a compromised model, library or service reaches the organisation through the supply chain.")))
            .toList();

    private ScopeRules() {}

    /**
     * The requirements that apply to a system with these details, by requirement id, each with its reasons joined.
     * {@code catalog} gives the requirements of a framework (empty when that framework is not installed).
     */
    static Map<Long, Applicable> applicable(AiSystemDetails system, Catalog catalog) {
        return applicable(RULES, system, catalog);
    }

    /** What {@link #THREATS} say is typical for a system with these details, by requirement id, with the reasons. */
    static Map<Long, Applicable> typicalThreats(AiSystemDetails system, Catalog catalog) {
        return applicable(THREATS, system, catalog);
    }

    private static Map<Long, Applicable> applicable(List<Rule> rules, AiSystemDetails system, Catalog catalog) {
        Map<String, List<RequirementSummary>> frameworks = new LinkedHashMap<>();
        Map<Long, Applicable> out = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (!rule.when().test(system)) {
                continue;
            }
            for (RequirementSummary r : frameworks.computeIfAbsent(rule.framework(), catalog::requirements)) {
                if (!r.withdrawn() && rule.which().test(r, catalog)) {
                    out.merge(r.id(), new Applicable(r, rule.reason()), Applicable::and);
                }
            }
        }
        return out;
    }

    /** A requirement that applies, and why. */
    record Applicable(RequirementSummary requirement, String reason) {
        Applicable and(Applicable other) {
            return reason.contains(other.reason) ? this : new Applicable(requirement, reason + "\n" + other.reason);
        }
    }

    // when

    private static Predicate<AiSystemDetails> any() {
        return d -> true;
    }

    private static Predicate<AiSystemDetails> generative() {
        return d -> d.modelType() == ModelType.GENERATIVE_LLM;
    }

    /** Models that predict, rank or score rather than generate. */
    private static Predicate<AiSystemDetails> predictive() {
        return d -> d.modelType() == ModelType.CLASSIFIER
                || d.modelType() == ModelType.REGRESSION
                || d.modelType() == ModelType.RECOMMENDER;
    }

    /** Acts on its own or with a person watching rather than confirming each decision. */
    private static Predicate<AiSystemDetails> acting() {
        return d -> d.autonomy() == Classification.Autonomy.AUTONOMOUS
                || d.autonomy() == Classification.Autonomy.HUMAN_ON_THE_LOOP;
    }

    private static Predicate<AiSystemDetails> personalData() {
        Set<DataCategory> personal = Set.of(DataCategory.PHI, DataCategory.PERSONAL_DATA, DataCategory.BIOMETRIC);
        return d -> !Collections.disjoint(d.dataCategories() == null ? Set.of() : d.dataCategories(), personal);
    }

    private static Predicate<AiSystemDetails> fromVendor() {
        return d -> d.deployment() == Deployment.VENDOR_API || d.deployment() == Deployment.EMBEDDED_IN_VENDOR_PRODUCT;
    }

    private static Predicate<AiSystemDetails> highRisk() {
        return d -> d.euAiActTier() == EuAiActTier.HIGH;
    }

    // which

    private static Which assessable() {
        return (r, c) -> r.assessable();
    }

    private static Which annexAControl() {
        return (r, c) -> r.assessable()
                && r.kind() == RequirementKind.CONTROL
                && r.refId().startsWith("A.");
    }

    private static Which refIds(String... ids) {
        Set<String> set = Set.of(ids);
        return (r, c) -> set.contains(r.refId());
    }

    private static Which refPrefix(String prefix) {
        return (r, c) -> r.assessable() && r.refId().startsWith(prefix);
    }

    /** Assessable requirements the catalog links to this one of the same framework (actions addressing a risk). */
    private static Which addressing(String refId) {
        return (r, c) ->
                r.assessable() && c.addressing(r.frameworkCode(), refId).contains(r.id());
    }
}
