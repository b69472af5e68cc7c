package dev.aegis.inventory;

import static dev.aegis.inventory.AiSystemFixtures.classified;
import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.inventory.Classification.DataCategory;
import dev.aegis.inventory.Classification.Deployment;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.Classification.ModelType;
import dev.aegis.inventory.ScopeService.Item;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class ScopeServiceTest {

    @Autowired
    AiSystemService systems;

    @Autowired
    ScopeService scope;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    AegisUser officer;

    @BeforeEach
    void signInAsOfficer() {
        officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_generative_system_gets_the_owasp_llm_entries_proposed_and_a_classifier_does_not() {
        AiSystem chatbot =
                register(ModelType.GENERATIVE_LLM, Deployment.IN_HOUSE, EuAiActTier.LIMITED, DataCategory.NONE);
        AiSystem classifier =
                register(ModelType.CLASSIFIER, Deployment.IN_HOUSE, EuAiActTier.LIMITED, DataCategory.NONE);

        List<Item> generative = scope.scope(chatbot.getId());
        assertThat(refs(generative, ScopeRules.OWASP_LLM))
                .containsExactly(
                        "LLM01:2025",
                        "LLM02:2025",
                        "LLM03:2025",
                        "LLM04:2025",
                        "LLM05:2025",
                        "LLM06:2025",
                        "LLM07:2025",
                        "LLM08:2025",
                        "LLM09:2025",
                        "LLM10:2025");
        assertThat(refs(generative, ScopeRules.NIST_GAI)).isNotEmpty();
        assertThat(generative)
                .allSatisfy(i -> assertThat(i.state()).isEqualTo(ScopeState.PROPOSED))
                .allSatisfy(i -> assertThat(i.reason()).isNotBlank());
        assertThat(item(generative, "LLM01:2025").reason()).contains("Generative");

        List<Item> plain = scope.scope(classifier.getId());
        assertThat(refs(plain, ScopeRules.OWASP_LLM)).isEmpty();
        assertThat(refs(plain, ScopeRules.NIST_GAI)).isEmpty();
        assertThat(refs(plain, ScopeRules.NIST_RMF)).contains("GOVERN 1.1", "MAP 1.1", "MEASURE 2.10", "MANAGE 4.3");
        assertThat(refs(plain, ScopeRules.ISO_42001))
                .contains("A.2.2", "A.10.4")
                .noneMatch(r -> !r.startsWith("A."));
    }

    @Test
    void typical_threats_follow_the_kind_of_system_and_are_not_scope() {
        AiSystem llm = systems.register(classified(
                diagnosisAssistant("Threats LLM " + System.nanoTime(), "o"),
                ModelType.GENERATIVE_LLM,
                Deployment.IN_HOUSE,
                EuAiActTier.LIMITED,
                DataCategory.NONE));
        AiSystem scorer = systems.register(classified(
                diagnosisAssistant("Threats scorer " + System.nanoTime(), "o"),
                ModelType.REGRESSION,
                Deployment.IN_HOUSE,
                EuAiActTier.LIMITED,
                DataCategory.PERSONAL_DATA));
        AiSystem bought = systems.register(classified(
                diagnosisAssistant("Threats bought " + System.nanoTime(), "o"),
                ModelType.OTHER,
                Deployment.EMBEDDED_IN_VENDOR_PRODUCT,
                EuAiActTier.MINIMAL,
                DataCategory.NONE));

        List<String> llmThreats = refs(scope.typicalThreats(llm.getId()));
        assertThat(llmThreats)
                .as("all ten OWASP LLM entries first, then ATLAS")
                .startsWith("LLM01:2025")
                .contains("LLM10:2025", "AML.T0051", "AML.T0054", "AML.T0057")
                .doesNotContain("AML.T0015", "AML.T0024", "AML.T0010");
        assertThat(llmThreats.stream().filter(r -> r.startsWith("LLM"))).hasSize(10);
        assertThat(refs(scope.typicalThreats(scorer.getId())))
                .contains("AML.T0015", "AML.T0020", "AML.T0024.001", "AML.T0024.002", "AML.T0024.000", "AML.T0025")
                .noneMatch(r -> r.startsWith("LLM"));
        assertThat(refs(scope.typicalThreats(bought.getId())))
                .containsExactly("AML.T0010", "AML.T0010.001", "AML.T0010.003");
        assertThat(scope.typicalThreats(scorer.getId()))
                .allMatch(t -> !t.reason().isBlank());
        assertThat(scope.scope(scorer.getId())).extracting(Item::frameworkCode).doesNotContain("MITRE-ATLAS");
    }

    private static List<String> refs(List<ScopeService.TypicalThreat> threats) {
        return threats.stream().map(t -> t.threat().refId()).toList();
    }

    @Test
    void phi_raises_privacy_requirements() {
        AiSystem withPhi = register(ModelType.CLASSIFIER, Deployment.IN_HOUSE, EuAiActTier.LIMITED, DataCategory.PHI);
        AiSystem without = register(ModelType.CLASSIFIER, Deployment.IN_HOUSE, EuAiActTier.LIMITED, DataCategory.NONE);

        List<Item> phi = scope.scope(withPhi.getId());
        List<Item> none = scope.scope(without.getId());
        for (String privacy : List.of("MEASURE 2.10", "MAP 1.6", "MAP 4.1")) {
            assertThat(item(phi, privacy).reason()).as(privacy).contains("PHI");
            assertThat(item(none, privacy).reason()).as(privacy).doesNotContain("PHI");
        }
        assertThat(item(phi, "A.7.5").reason()).contains("PHI").contains("provenance");
        assertThat(phi.stream().filter(i -> i.reason().contains("PHI")).count()).isGreaterThanOrEqualTo(10);
        assertThat(none).noneMatch(i -> i.reason().contains("PHI"));
    }

    @Test
    void a_generative_system_with_phi_from_a_vendor_gets_the_profile_actions_for_privacy_and_the_value_chain() {
        AiSystem system =
                register(ModelType.GENERATIVE_LLM, Deployment.VENDOR_API, EuAiActTier.LIMITED, DataCategory.PHI);
        List<Item> profile = scope.scope(system.getId()).stream()
                .filter(i -> i.frameworkCode().equals(ScopeRules.NIST_GAI))
                .toList();
        assertThat(profile)
                .anyMatch(i -> i.reason().contains("Data Privacy"))
                .anyMatch(i -> i.reason().contains("Value Chain"))
                .anyMatch(
                        i -> !i.reason().contains("Data Privacy") && !i.reason().contains("Value Chain"));
        assertThat(item(scope.scope(system.getId()), "LLM02:2025").reason()).contains("sensitive information");
        assertThat(item(scope.scope(system.getId()), "LLM03:2025").reason()).contains("supply chain");
    }

    @Test
    void changing_the_record_proposes_again_and_flags_confirmed_requirements_that_no_longer_apply() {
        AiSystem system =
                register(ModelType.GENERATIVE_LLM, Deployment.VENDOR_API, EuAiActTier.LIMITED, DataCategory.NONE);
        long llm01 = item(scope.scope(system.getId()), "LLM01:2025").requirementId();
        long supplyChain = item(scope.scope(system.getId()), "LLM03:2025").requirementId();
        scope.confirm(system.getId(), List.of(llm01));
        assertThat(refs(scope.scope(system.getId()), ScopeRules.NIST_RMF)).contains("GOVERN 6.1");

        // now an in-house classifier handling PHI
        AiSystem fresh = systems.get(system.getId());
        systems.update(
                system.getId(),
                fresh.getVersion(),
                classified(
                        fresh.details(),
                        ModelType.CLASSIFIER,
                        Deployment.IN_HOUSE,
                        EuAiActTier.LIMITED,
                        DataCategory.PHI));

        List<Item> after = scope.scope(system.getId());
        Item confirmed = after.stream()
                .filter(i -> i.requirementId() == llm01)
                .findFirst()
                .orElseThrow();
        assertThat(confirmed.state()).isEqualTo(ScopeState.CONFIRMED);
        assertThat(confirmed.needsReview()).isTrue();
        assertThat(after).noneMatch(i -> i.requirementId() == supplyChain);
        assertThat(refs(after, ScopeRules.OWASP_LLM)).containsExactly("LLM01:2025");
        assertThat(refs(after, ScopeRules.NIST_GAI)).isEmpty();
        assertThat(item(after, "GOVERN 6.1").reason()).doesNotContain("vendor");
        assertThat(item(after, "MEASURE 2.10").reason()).contains("PHI");

        // and back: the confirmed entry applies again and is no longer flagged
        fresh = systems.get(system.getId());
        systems.update(
                system.getId(),
                fresh.getVersion(),
                classified(
                        fresh.details(),
                        ModelType.GENERATIVE_LLM,
                        Deployment.IN_HOUSE,
                        EuAiActTier.LIMITED,
                        DataCategory.PHI));
        assertThat(item(scope.scope(system.getId()), "LLM01:2025").needsReview())
                .isFalse();
    }

    @Test
    void only_officers_confirm_or_exclude() {
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);
        AiSystem mine = systems.register(diagnosisAssistant("Owned " + System.nanoTime(), owner.username()));
        AiSystem theirs = systems.register(diagnosisAssistant("Theirs " + System.nanoTime(), "someone-else"));
        long requirement = scope.scope(mine.getId()).getFirst().requirementId();

        TestAccounts.signIn(owner);
        assertThat(scope.scope(mine.getId())).isNotEmpty();
        assertThat(scope.mayDecide()).isFalse();
        assertThatThrownBy(() -> scope.scope(theirs.getId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scope.confirm(mine.getId(), List.of(requirement)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> scope.exclude(mine.getId(), requirement, "not relevant"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> scope.propose(mine.getId())).isInstanceOf(AuthorizationDeniedException.class);

        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        assertThat(scope.scope(theirs.getId())).isNotEmpty();
        assertThatThrownBy(() -> scope.confirm(mine.getId(), List.of(requirement)))
                .isInstanceOf(AuthorizationDeniedException.class);

        TestAccounts.signIn(accounts.create("admin", Role.ADMIN));
        assertThat(scope.confirm(mine.getId(), List.of(requirement))).isEqualTo(1);
        assertThat(scope.scope(mine.getId()).getFirst().state()).isEqualTo(ScopeState.CONFIRMED);
    }

    @Test
    void an_exclusion_needs_a_justification() {
        AiSystem system =
                register(ModelType.GENERATIVE_LLM, Deployment.IN_HOUSE, EuAiActTier.LIMITED, DataCategory.NONE);
        long agency = item(scope.scope(system.getId()), "LLM06:2025").requirementId();
        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> scope.exclude(system.getId(), agency, blank))
                    .isInstanceOf(DomainRuleException.class)
                    .hasMessageContaining("justification")
                    .extracting("field")
                    .isEqualTo("justification");
        }
        assertThat(item(scope.scope(system.getId()), "LLM06:2025").state()).isEqualTo(ScopeState.PROPOSED);

        scope.exclude(system.getId(), agency, "The assistant calls no tools and takes no actions.");
        Item excluded = item(scope.scope(system.getId()), "LLM06:2025");
        assertThat(excluded.state()).isEqualTo(ScopeState.EXCLUDED);
        assertThat(excluded.exclusionJustification()).isEqualTo("The assistant calls no tools and takes no actions.");
        assertThat(excluded.decidedBy()).isEqualTo(officer.username());
        assertThat(excluded.decidedAt()).isNotNull();
        var audit = jdbc.queryForList(
                "select action, changes from audit.audit_entry where object_type = 'AiSystemScope' "
                        + "and object_id = ? and action = 'EXCLUDE'",
                String.valueOf(system.getId()));
        assertThat(audit).hasSize(1);
        assertThat((String) audit.getFirst().get("changes"))
                .contains("LLM06:2025")
                .contains("calls no tools");
    }

    @Test
    void a_proposal_run_is_one_audit_entry() {
        AiSystem system = register(ModelType.GENERATIVE_LLM, Deployment.VENDOR_API, EuAiActTier.HIGH, DataCategory.PHI);
        int rows = jdbc.queryForObject(
                "select count(*) from inventory.system_scope where ai_system_id = ?", Integer.class, system.getId());
        assertThat(rows).isGreaterThan(100);
        List<Map<String, Object>> entries = jdbc.queryForList(
                "select action, actor, changes from audit.audit_entry "
                        + "where object_type = 'AiSystemScope' and object_id = ? order by id",
                String.valueOf(system.getId()));
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().get("action")).isEqualTo("PROPOSE");
        assertThat(entries.getFirst().get("actor")).isEqualTo(officer.username());
        assertThat((String) entries.getFirst().get("changes")).containsPattern("\"proposed\":\"?" + rows + "\\b");

        assertThat(scope.confirmAllProposed(system.getId())).isEqualTo(rows);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_type = 'AiSystemScope' "
                                + "and object_id = ?",
                        Integer.class,
                        String.valueOf(system.getId())))
                .isEqualTo(2);
        // proposing again without a change to the record changes nothing and logs nothing
        assertThat(scope.propose(system.getId()).proposed()).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_type = 'AiSystemScope' "
                                + "and object_id = ?",
                        Integer.class,
                        String.valueOf(system.getId())))
                .isEqualTo(2);
    }

    private AiSystem register(ModelType type, Deployment deployment, EuAiActTier tier, DataCategory category) {
        return systems.register(classified(
                diagnosisAssistant(type + " " + System.nanoTime(), "owner"), type, deployment, tier, category));
    }

    private static List<String> refs(List<Item> items, String framework) {
        return items.stream()
                .filter(i -> i.frameworkCode().equals(framework))
                .map(Item::refId)
                .toList();
    }

    private static Item item(List<Item> items, String refId) {
        return items.stream()
                .filter(i -> i.refId().equals(refId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(refId + " not in scope"));
    }
}
