package dev.aegis.euaiact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.euaiact.Answers.ActRole;
import dev.aegis.euaiact.Answers.Derogation;
import dev.aegis.euaiact.Answers.Gpai;
import dev.aegis.euaiact.Answers.ProhibitedPractice;
import dev.aegis.euaiact.Answers.TransparencyCase;
import dev.aegis.euaiact.Classifier.Outcome;
import dev.aegis.euaiact.Duties.Duty;
import dev.aegis.inventory.Classification.EuAiActRole;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.shared.DomainRuleException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The worked examples of issue 19, answered as a governance officer would. */
class ClassifierUnitTest {

    static final Duties DUTIES = Duties.bundled();

    @Test
    void cv_screening_is_high_risk_under_annex_iii_4a() {
        Outcome o = Classifier.classify(answers(Set.of("4(a)"), Set.of(ActRole.DEPLOYER)));
        assertThat(o.tier()).isEqualTo(EuAiActTier.HIGH);
        assertThat(o.basis()).isEqualTo("Annex III 4(a)");
        assertThat(o.role()).isEqualTo(EuAiActRole.DEPLOYER);
        assertThat(o.friaDue())
                .as("a private employer screening CVs owes no FRIA")
                .isFalse();
        assertThat(articles(o)).containsExactly("Article 4", "Article 26", "Article 86");
    }

    @Test
    void credit_scoring_is_high_risk_under_annex_iii_5b_and_its_deployer_owes_a_fria() {
        Outcome o = Classifier.classify(answers(Set.of("5(b)"), Set.of(ActRole.DEPLOYER)));
        assertThat(o.tier()).isEqualTo(EuAiActTier.HIGH);
        assertThat(o.basis()).isEqualTo("Annex III 5(b)");
        assertThat(o.friaDue()).isTrue();
        assertThat(articles(o)).containsExactly("Article 4", "Article 26", "Article 86", "Article 27");
    }

    @Test
    void a_spam_filter_is_minimal_risk() {
        Outcome o = Classifier.classify(answers(Set.of(), Set.of(ActRole.PROVIDER, ActRole.DEPLOYER)));
        assertThat(o.tier()).isEqualTo(EuAiActTier.MINIMAL);
        assertThat(o.role()).isEqualTo(EuAiActRole.PROVIDER_AND_DEPLOYER);
        assertThat(o.grounds()).anyMatch(g -> g.startsWith("Minimal risk"));
        assertThat(articles(o)).containsExactly("Article 4");
    }

    @Test
    void a_customer_chatbot_has_the_transparency_duty_of_article_50_1() {
        Outcome o = Classifier.classify(new Answers(
                true,
                Set.of(),
                false,
                Set.of(),
                false,
                Set.of(),
                null,
                Set.of(TransparencyCase.INTERACTS_WITH_PEOPLE),
                Gpai.NONE,
                Set.of(ActRole.PROVIDER),
                false));
        assertThat(o.tier()).isEqualTo(EuAiActTier.LIMITED);
        assertThat(o.basis()).isEqualTo("Art. 50(1)");
        assertThat(articles(o)).containsExactly("Article 4", "Article 50");
    }

    @Test
    void social_scoring_is_prohibited_under_article_5_1_c() {
        Outcome o = Classifier.classify(new Answers(
                true,
                Set.of(ProhibitedPractice.C),
                false,
                Set.of("5(a)"),
                true,
                Set.of(),
                null,
                Set.of(),
                Gpai.NONE,
                Set.of(ActRole.DEPLOYER),
                true));
        assertThat(o.tier()).isEqualTo(EuAiActTier.PROHIBITED);
        assertThat(o.basis()).isEqualTo("Art. 5(1)(c)");
        assertThat(articles(o)).contains("Article 5");
        assertThat(DUTIES.of(o).stream()
                        .filter(d -> d.article().equals("Article 5"))
                        .findFirst()
                        .orElseThrow()
                        .appliesFrom())
                .isEqualTo(LocalDate.of(2025, 2, 2));
    }

    @Test
    void a_tool_that_only_formats_documents_for_an_annex_iii_process_relies_on_the_derogation_with_its_reasoning() {
        Outcome o = Classifier.classify(new Answers(
                true,
                Set.of(),
                false,
                Set.of("4(a)"),
                false,
                Set.of(Derogation.NARROW_PROCEDURAL_TASK),
                "It only converts CVs into one PDF layout; it neither ranks nor filters candidates.",
                Set.of(),
                Gpai.NONE,
                Set.of(ActRole.PROVIDER),
                false));
        assertThat(o.tier()).isEqualTo(EuAiActTier.MINIMAL);
        assertThat(o.derogation()).isTrue();
        assertThat(o.basis()).isEqualTo("Art. 6(3) derogation");
        assertThat(o.grounds().getFirst())
                .contains("Art. 6(3)(a)")
                .contains("It only converts CVs into one PDF layout");
        assertThat(articles(o)).containsExactly("Article 4", "Article 6", "Article 49");
    }

    @Test
    void the_derogation_needs_documented_reasoning() {
        assertThatThrownBy(() -> Classifier.classify(new Answers(
                        true,
                        Set.of(),
                        false,
                        Set.of("4(a)"),
                        false,
                        Set.of(Derogation.PREPARATORY_TASK),
                        " ",
                        Set.of(),
                        Gpai.NONE,
                        Set.of(ActRole.PROVIDER),
                        false)))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("Art. 6(4)");
    }

    @Test
    void the_derogation_never_applies_when_the_system_profiles_people() {
        Outcome o = Classifier.classify(new Answers(
                true,
                Set.of(),
                false,
                Set.of("4(a)"),
                true,
                Set.of(Derogation.PREPARATORY_TASK),
                "Only ranks.",
                Set.of(),
                Gpai.NONE,
                Set.of(ActRole.DEPLOYER),
                false));
        assertThat(o.tier()).isEqualTo(EuAiActTier.HIGH);
        assertThat(o.derogation()).isFalse();
        assertThat(o.grounds().getFirst()).contains("profiles natural persons");
    }

    @Test
    void a_provider_of_a_high_risk_system_gets_the_provider_articles_and_annex_i_products_apply_from_august_2027() {
        Outcome annexIII = Classifier.classify(answers(Set.of("5(b)"), Set.of(ActRole.PROVIDER)));
        assertThat(articles(annexIII))
                .contains(
                        "Article 9", "Article 17", "Article 43", "Article 47", "Article 49", "Article 72", "Article 73")
                .doesNotContain("Article 26");
        assertThat(date(annexIII, "Article 9")).isEqualTo(LocalDate.of(2026, 8, 2));
        Outcome annexI = Classifier.classify(new Answers(
                true,
                Set.of(),
                true,
                Set.of(),
                false,
                Set.of(),
                null,
                Set.of(),
                Gpai.NONE,
                Set.of(ActRole.PROVIDER),
                false));
        assertThat(annexI.tier()).isEqualTo(EuAiActTier.HIGH);
        assertThat(date(annexI, "Article 9")).isEqualTo(LocalDate.of(2027, 8, 2));
        assertThat(date(annexI, "Article 4")).isEqualTo(LocalDate.of(2025, 2, 2));
    }

    @Test
    void a_general_purpose_model_with_systemic_risk_brings_articles_53_and_55_from_august_2025() {
        Outcome o = Classifier.classify(new Answers(
                true,
                Set.of(),
                false,
                Set.of(),
                false,
                Set.of(),
                null,
                Set.of(TransparencyCase.GENERATES_SYNTHETIC_CONTENT),
                Gpai.SYSTEMIC_RISK,
                Set.of(ActRole.PROVIDER),
                false));
        assertThat(articles(o)).contains("Article 53", "Article 55", "Article 50");
        assertThat(date(o, "Article 55")).isEqualTo(LocalDate.of(2025, 8, 2));
    }

    @Test
    void the_clinics_diagnosis_assistant_is_high_risk_as_a_medical_device_and_its_deployers_duties_apply_from_2027() {
        Outcome o = Classifier.classify(new Answers(
                true,
                Set.of(),
                true,
                Set.of(),
                false,
                Set.of(),
                null,
                Set.of(),
                Gpai.NONE,
                Set.of(ActRole.DEPLOYER),
                true));
        assertThat(o.tier()).isEqualTo(EuAiActTier.HIGH);
        assertThat(o.role()).isEqualTo(EuAiActRole.DEPLOYER);
        assertThat(o.basis()).isEqualTo("Art. 6(1), Annex I");
        assertThat(o.friaDue())
                .as("Art. 27 concerns the Annex III systems of Art. 6(2) only")
                .isFalse();
        assertThat(articles(o)).containsExactly("Article 4", "Article 26");
        assertThat(date(o, "Article 26")).isEqualTo(LocalDate.of(2027, 8, 2));
    }

    @Test
    void a_public_service_deploying_an_annex_iii_system_owes_a_fria_but_not_for_critical_infrastructure() {
        Outcome triage = Classifier.classify(new Answers(
                true,
                Set.of(),
                false,
                Set.of("5(d)"),
                false,
                Set.of(),
                null,
                Set.of(),
                Gpai.NONE,
                Set.of(ActRole.DEPLOYER),
                true));
        assertThat(triage.friaDue()).isTrue();
        Outcome grid = Classifier.classify(new Answers(
                true,
                Set.of(),
                false,
                Set.of("2(a)"),
                false,
                Set.of(),
                null,
                Set.of(),
                Gpai.NONE,
                Set.of(ActRole.DEPLOYER),
                true));
        assertThat(grid.tier()).isEqualTo(EuAiActTier.HIGH);
        assertThat(grid.friaDue()).isFalse();
        assertThat(articles(grid)).doesNotContain("Article 86", "Article 27");
    }

    @Test
    void something_that_is_not_an_ai_system_is_outside_the_act() {
        Outcome o = Classifier.classify(new Answers(
                false, Set.of(), false, Set.of(), false, Set.of(), null, Set.of(), Gpai.NONE, Set.of(), false));
        assertThat(o.inScope()).isFalse();
        assertThat(DUTIES.of(o)).isEmpty();
    }

    @Test
    void an_unknown_annex_iii_point_is_refused() {
        assertThatThrownBy(() -> Classifier.classify(answers(Set.of("9(z)"), Set.of(ActRole.DEPLOYER))))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("9(z)");
    }

    @Test
    void an_importer_of_a_high_risk_system_owes_article_23_and_a_distributor_article_24_from_august_2026() {
        Outcome imported = Classifier.classify(answers(Set.of("4(a)"), Set.of(ActRole.IMPORTER)));
        Outcome distributed = Classifier.classify(answers(Set.of("4(a)"), Set.of(ActRole.DISTRIBUTOR)));

        assertThat(articles(imported)).contains("Article 23").doesNotContain("Article 24", "Article 26", "Article 9");
        assertThat(articles(distributed)).contains("Article 24").doesNotContain("Article 23", "Article 26");
        assertThat(date(imported, "Article 23")).isEqualTo(LocalDate.of(2026, 8, 2));
        assertThat(date(distributed, "Article 24")).isEqualTo(LocalDate.of(2026, 8, 2));
    }

    @Test
    void an_authorised_representative_keeps_its_role_in_the_inventory_and_owes_article_22() {
        Outcome represented = Classifier.classify(answers(Set.of("4(a)"), Set.of(ActRole.AUTHORISED_REPRESENTATIVE)));

        assertThat(represented.role()).isEqualTo(EuAiActRole.AUTHORISED_REPRESENTATIVE);
        assertThat(articles(represented)).contains("Article 22").doesNotContain("Article 9", "Article 26");
        assertThat(TechnicalDocumentation.notOffered(EuAiActRole.AUTHORISED_REPRESENTATIVE))
                .hasValueSatisfying(why -> assertThat(why).contains("Art. 22(3)"));
    }

    private static Answers answers(Set<String> annexIII, Set<ActRole> roles) {
        return new Answers(true, Set.of(), false, annexIII, false, Set.of(), null, Set.of(), Gpai.NONE, roles, false);
    }

    private static List<String> articles(Outcome o) {
        return DUTIES.of(o).stream().map(Duty::article).toList();
    }

    private static LocalDate date(Outcome o, String article) {
        return DUTIES.of(o).stream()
                .filter(d -> d.article().equals(article))
                .findFirst()
                .orElseThrow()
                .appliesFrom();
    }
}
