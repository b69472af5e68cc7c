package dev.aegis.euaiact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.euaiact.Answers.ActRole;
import dev.aegis.euaiact.Answers.Gpai;
import dev.aegis.euaiact.ClassificationService.DutyStatus;
import dev.aegis.euaiact.ClassificationService.Standing;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification.EuAiActRole;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.ScopeService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@AegisTest
class ClassificationServiceTest {

    @Autowired
    ClassificationService classifications;

    @Autowired
    AiSystemService systems;

    @Autowired
    ScopeService scope;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    AegisUser officer;
    AegisUser owner;

    @BeforeEach
    void signInAsOfficer() {
        officer = accounts.create("euaiact-officer", Role.GOVERNANCE_OFFICER);
        owner = accounts.create("euaiact-owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(officer);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    static final Answers CV_SCREENING = new Answers(
            true,
            Set.of(),
            false,
            Set.of("4(a)"),
            true,
            Set.of(),
            null,
            Set.of(),
            Gpai.NONE,
            Set.of(ActRole.DEPLOYER),
            false);

    @Test
    void the_questionnaire_sets_tier_and_role_and_brings_the_deployers_articles_into_scope_with_their_dates() {
        AiSystem system = register();

        ClassificationRecord kept = classifications.submit(system.getId(), CV_SCREENING);

        assertThat(kept.getNumber()).isEqualTo(1);
        assertThat(kept.getAnsweredBy()).isEqualTo(officer.username());
        AiSystem after = systems.get(system.getId());
        assertThat(after.getEuAiActTier()).isEqualTo(EuAiActTier.HIGH);
        assertThat(after.getEuAiActRole()).isEqualTo(EuAiActRole.DEPLOYER);
        assertThat(scope.scope(system.getId()).stream()
                        .filter(i -> i.frameworkCode().equals("EU-AI-ACT-2024-1689"))
                        .map(ScopeService.Item::refId))
                .containsExactlyInAnyOrder("Article 4", "Article 26", "Article 86");
        Standing standing = classifications.standing(system.getId());
        assertThat(standing.duties())
                .extracting(DutyStatus::article, d -> d.appliesFrom().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Article 4", "2025-02-02"),
                        org.assertj.core.groups.Tuple.tuple("Article 26", "2026-08-02"),
                        org.assertj.core.groups.Tuple.tuple("Article 86", "2026-08-02"));
        assertThat(standing.duties()).allMatch(d -> d.scopeState().startsWith("Proposed"));
        assertThat(standing.duties().get(1).title()).isEqualTo("Obligations of deployers of high-risk AI systems");
        assertThat(classifications.answers(system.getId(), 1)).contains(CV_SCREENING);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where action = 'EU_AI_ACT_CLASSIFIED' and object_id = ?",
                        Long.class,
                        String.valueOf(system.getId())))
                .isEqualTo(1);
    }

    @Test
    void every_classification_is_kept_and_a_lower_tier_drops_the_articles_no_longer_proposed() {
        AiSystem system = register();
        classifications.submit(system.getId(), CV_SCREENING);
        classifications.submit(
                system.getId(),
                new Answers(
                        true,
                        Set.of(),
                        false,
                        Set.of(),
                        false,
                        Set.of(),
                        null,
                        Set.of(),
                        Gpai.NONE,
                        Set.of(ActRole.DEPLOYER),
                        false));

        Standing standing = classifications.standing(system.getId());
        assertThat(standing.history())
                .extracting(ClassificationRecord::getNumber)
                .containsExactly(2, 1);
        assertThat(standing.current().orElseThrow().getTier()).isEqualTo(EuAiActTier.MINIMAL);
        assertThat(scope.scope(system.getId()).stream()
                        .filter(i -> i.frameworkCode().equals("EU-AI-ACT-2024-1689"))
                        .map(ScopeService.Item::refId))
                .containsExactly("Article 4");
    }

    @Test
    void a_change_of_purpose_model_type_or_deployment_asks_for_the_classification_again() {
        AiSystem system = register();
        classifications.submit(system.getId(), CV_SCREENING);
        assertThat(classifications.standing(system.getId()).reclassifyBecause()).isEmpty();

        AiSystem current = systems.get(system.getId());
        var d = current.details();
        systems.update(
                current.getId(),
                current.getVersion(),
                AiSystemFixtures.classified(
                        d,
                        dev.aegis.inventory.Classification.ModelType.CLASSIFIER,
                        d.deployment(),
                        d.euAiActTier(),
                        d.dataCategories().toArray(dev.aegis.inventory.Classification.DataCategory[]::new)));

        assertThat(classifications.standing(system.getId()).reclassifyBecause())
                .hasValueSatisfying(why -> assertThat(why).contains("model type"));
    }

    @Test
    void an_officer_overrides_only_with_a_reason_and_the_reason_is_kept() {
        AiSystem system = register();
        assertThatThrownBy(() -> classifications.override(system.getId(), EuAiActTier.HIGH, EuAiActRole.DEPLOYER, " "))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("Say why");

        ClassificationRecord kept = classifications.override(
                system.getId(), EuAiActTier.HIGH, EuAiActRole.DEPLOYER, "The notified body treats it as high-risk.");

        assertThat(kept.getSource()).isEqualTo(ClassificationRecord.Source.OVERRIDE);
        assertThat(kept.getOverrideReason()).isEqualTo("The notified body treats it as high-risk.");
        assertThat(systems.get(system.getId()).getEuAiActTier()).isEqualTo(EuAiActTier.HIGH);
    }

    @Test
    void a_system_owner_reads_the_classification_of_their_system_but_never_classifies_it() {
        AiSystem system = register();
        classifications.submit(system.getId(), CV_SCREENING);
        TestAccounts.signIn(owner);

        assertThat(classifications.standing(system.getId()).current()).isPresent();
        assertThatThrownBy(() -> classifications.submit(
                        system.getId(),
                        new Answers(
                                false, Set.of(), false, Set.of(), false, Set.of(), null, Set.of(), Gpai.NONE, Set.of(),
                                false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> classifications.override(
                        system.getId(), EuAiActTier.MINIMAL, EuAiActRole.DEPLOYER, "lower, please"))
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(officer);
        assertThat(systems.get(system.getId()).getEuAiActTier()).isEqualTo(EuAiActTier.HIGH);
    }

    private AiSystem register() {
        return systems.register(
                AiSystemFixtures.diagnosisAssistant("EU AI Act " + System.nanoTime(), owner.username()));
    }
}
