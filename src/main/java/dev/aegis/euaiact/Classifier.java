package dev.aegis.euaiact;

import dev.aegis.euaiact.Answers.ActRole;
import dev.aegis.euaiact.Answers.ProhibitedPractice;
import dev.aegis.euaiact.Answers.TransparencyCase;
import dev.aegis.inventory.Classification.EuAiActRole;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.shared.DomainRuleException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decision the Act makes from the questionnaire's answers: tier, role and the grounds, each citing the provision.
 * Pure: no database, no clock, no user; tested on the worked examples in {@code ClassifierUnitTest}. The order of
 * the checks is the Act's: not an AI system (Art. 3(1)) → prohibited (Art. 5) → high-risk through Annex I (Art. 6(1))
 * → high-risk through Annex III (Art. 6(2)) unless the Art. 6(3) derogation applies (never with profiling) →
 * transparency (Art. 50) → minimal.
 */
public final class Classifier {

    private Classifier() {}

    /** The Annex III points, in words, keyed by their point ("4(a)"). */
    public static final Map<String, String> ANNEX_III = annexIII();

    /**
     * What the answers decide.
     *
     * @param inScope false when the system is not an AI system in the sense of Art. 3(1): the Act does not apply
     * @param grounds each a sentence citing the provision, in the order they were reached
     * @param basis the main provision, shown beside the tier ("Annex III 4(a)", "Art. 5(1)(c)", "Art. 50(1)")
     * @param highRiskByAnnexI high-risk through Art. 6(1) only (no Annex III ground): its obligations apply later
     * @param annexIII the Annex III points that make it high-risk (empty when none does, or the derogation applies)
     */
    public record Outcome(
            boolean inScope,
            EuAiActTier tier,
            EuAiActRole role,
            String basis,
            List<String> grounds,
            boolean highRiskByAnnexI,
            List<String> annexIII,
            boolean derogation,
            boolean friaDue,
            Set<TransparencyCase> transparency,
            Answers.Gpai gpai,
            Set<ActRole> roles) {}

    public static Outcome classify(Answers a) {
        EuAiActRole role = role(a.roles());
        List<String> grounds = new ArrayList<>();
        if (!a.aiSystem()) {
            grounds.add("Not an AI system in the sense of Art. 3(1): the Regulation does not apply to it.");
            return new Outcome(
                    false,
                    EuAiActTier.MINIMAL,
                    role,
                    "Art. 3(1)",
                    grounds,
                    false,
                    List.of(),
                    false,
                    false,
                    Set.of(),
                    a.gpai(),
                    a.roles());
        }
        if (a.roles().isEmpty()) {
            throw new DomainRuleException(
                    "roles", "Say which role the organisation has for this system (provider, deployer, …).");
        }
        if (!a.prohibitedPractices().isEmpty()) {
            List<ProhibitedPractice> practices =
                    a.prohibitedPractices().stream().sorted().toList();
            for (ProhibitedPractice p : practices) {
                grounds.add("Prohibited practice, Art. " + p.citation() + ": " + p.words() + ".");
            }
            return new Outcome(
                    true,
                    EuAiActTier.PROHIBITED,
                    role,
                    "Art. " + practices.getFirst().citation(),
                    grounds,
                    false,
                    List.of(),
                    false,
                    false,
                    a.transparencyCases(),
                    a.gpai(),
                    a.roles());
        }
        List<String> annexIII = a.annexIIIUses().stream()
                .peek(Classifier::requireKnownPoint)
                .sorted(Comparator.naturalOrder())
                .toList();
        EuAiActTier tier = EuAiActTier.MINIMAL;
        String basis = "No high-risk or transparency ground";
        boolean byAnnexI = false;
        boolean derogation = false;
        boolean annexIIIHigh = false;
        if (a.annexISafetyComponent()) {
            tier = EuAiActTier.HIGH;
            basis = "Art. 6(1), Annex I";
            byAnnexI = true;
            grounds.add("High-risk, Art. 6(1): a safety component of a product (or a product) under the Union "
                    + "harmonisation legislation of Annex I that needs a third-party conformity assessment.");
        }
        if (!annexIII.isEmpty()) {
            String points = String.join(
                    ", ", annexIII.stream().map(p -> "Annex III " + p).toList());
            if (a.profiling()) {
                tier = EuAiActTier.HIGH;
                annexIIIHigh = true;
                basis = byAnnexI ? basis : "Annex III " + annexIII.getFirst();
                grounds.add("High-risk, Art. 6(2) and " + points + "; it profiles natural persons, so the Art. 6(3) "
                        + "derogation cannot apply (Art. 6(3), last subparagraph).");
            } else if (!a.derogationConditions().isEmpty()) {
                if (a.derogationReasoning().isBlank()) {
                    throw new DomainRuleException(
                            "derogationReasoning",
                            "Document why the system poses no significant risk of harm before relying on the Art. 6(3) "
                                    + "derogation (Art. 6(4)).");
                }
                derogation = true;
                List<String> met = a.derogationConditions().stream()
                        .sorted()
                        .map(d -> "Art. " + d.citation() + " (" + d.words().toLowerCase(java.util.Locale.ROOT) + ")")
                        .toList();
                grounds.add("Used in " + points + " but not high-risk: the derogation of " + String.join("; ", met)
                        + " applies. Documented reasoning (Art. 6(4)): " + a.derogationReasoning());
                if (!byAnnexI) {
                    basis = "Art. 6(3) derogation";
                }
            } else {
                tier = EuAiActTier.HIGH;
                annexIIIHigh = true;
                basis = byAnnexI ? basis : "Annex III " + annexIII.getFirst();
                grounds.add("High-risk, Art. 6(2): intended for " + points + " (" + ANNEX_III.get(annexIII.getFirst())
                        + ").");
            }
        }
        List<TransparencyCase> cases = a.transparencyCases().stream().sorted().toList();
        for (TransparencyCase c : cases) {
            grounds.add("Transparency obligation, Art. " + c.citation() + ": " + c.words() + ".");
        }
        if (tier != EuAiActTier.HIGH && !cases.isEmpty()) {
            tier = EuAiActTier.LIMITED;
            basis = "Art. " + cases.getFirst().citation();
        }
        if (a.gpai() != Answers.Gpai.NONE) {
            grounds.add(
                    a.gpai() == Answers.Gpai.SYSTEMIC_RISK
                            ? "Provides a general-purpose AI model with systemic risk (Art. 51, 53, 55)."
                            : "Provides a general-purpose AI model (Art. 53).");
        }
        if (tier == EuAiActTier.MINIMAL && !derogation) {
            grounds.add("Minimal risk: no prohibited practice, no high-risk use, no transparency case. Only AI "
                    + "literacy (Art. 4) and voluntary codes of conduct (Art. 95) concern it.");
        }
        // Art. 27(1): deployers of the high-risk systems of Art. 6(2) (Annex III, not its point 2) that are public
        // bodies or provide public services, and every deployer of an Annex III 5(b) or 5(c) system
        List<String> highUses = annexIIIHigh ? annexIII : List.of();
        boolean fria = a.roles().contains(ActRole.DEPLOYER)
                && highUses.stream().anyMatch(p -> !p.startsWith("2("))
                && (a.publicService() || highUses.contains("5(b)") || highUses.contains("5(c)"));
        if (fria) {
            grounds.add("A fundamental rights impact assessment is due before first use (Art. 27(1)).");
        }
        return new Outcome(
                true,
                tier,
                role,
                basis,
                grounds,
                byAnnexI && !annexIIIHigh,
                highUses,
                derogation,
                fria,
                a.transparencyCases(),
                a.gpai(),
                a.roles());
    }

    /**
     * The inventory's role field: provider (a product manufacturer is one, Art. 25(3)), deployer, both; else importer
     * or distributor; else none.
     */
    static EuAiActRole role(Set<ActRole> roles) {
        boolean provider = roles.contains(ActRole.PROVIDER) || roles.contains(ActRole.PRODUCT_MANUFACTURER);
        boolean deployer = roles.contains(ActRole.DEPLOYER);
        if (provider && deployer) {
            return EuAiActRole.PROVIDER_AND_DEPLOYER;
        }
        if (provider) {
            return EuAiActRole.PROVIDER;
        }
        if (deployer) {
            return EuAiActRole.DEPLOYER;
        }
        if (roles.contains(ActRole.IMPORTER)) {
            return EuAiActRole.IMPORTER;
        }
        if (roles.contains(ActRole.DISTRIBUTOR)) {
            return EuAiActRole.DISTRIBUTOR;
        }
        if (roles.contains(ActRole.AUTHORISED_REPRESENTATIVE)) {
            return EuAiActRole.AUTHORISED_REPRESENTATIVE;
        }
        return EuAiActRole.NONE;
    }

    private static void requireKnownPoint(String point) {
        if (!ANNEX_III.containsKey(point)) {
            throw new DomainRuleException("annexIIIUses", "Annex III has no point " + point + ".");
        }
    }

    private static Map<String, String> annexIII() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("1(a)", "Remote biometric identification");
        m.put("1(b)", "Biometric categorisation by sensitive or protected attributes");
        m.put("1(c)", "Emotion recognition");
        m.put(
                "2(a)",
                "Safety component in critical digital infrastructure, road traffic, or water, gas, heating or electricity supply");
        m.put("3(a)", "Education: deciding access or admission");
        m.put("3(b)", "Education: evaluating learning outcomes");
        m.put("3(c)", "Education: assessing the appropriate level of education");
        m.put("3(d)", "Education: monitoring prohibited behaviour of students during tests");
        m.put("4(a)", "Employment: recruitment or selection, filtering applications, evaluating candidates");
        m.put("4(b)", "Employment: decisions on promotion, termination, task allocation, monitoring performance");
        m.put("5(a)", "Public assistance benefits and services, including healthcare: eligibility");
        m.put("5(b)", "Creditworthiness or credit score of natural persons");
        m.put("5(c)", "Risk assessment and pricing in life and health insurance");
        m.put("5(d)", "Evaluating emergency calls, dispatching emergency services, emergency patient triage");
        m.put("6(a)", "Law enforcement: risk of a person becoming a victim of crime");
        m.put("6(b)", "Law enforcement: polygraphs and similar tools");
        m.put("6(c)", "Law enforcement: reliability of evidence");
        m.put("6(d)", "Law enforcement: risk of offending or re-offending");
        m.put("6(e)", "Law enforcement: profiling in detection, investigation or prosecution");
        m.put("7(a)", "Migration: polygraphs and similar tools");
        m.put("7(b)", "Migration: security, irregular migration or health risks of persons entering");
        m.put("7(c)", "Migration: examining asylum, visa and residence applications");
        m.put("7(d)", "Migration: detecting, recognising or identifying persons");
        m.put("8(a)", "Justice: assisting a judicial authority in researching and interpreting facts and law");
        m.put("8(b)", "Democratic processes: influencing the outcome of an election or referendum");
        return java.util.Collections.unmodifiableMap(m);
    }
}
