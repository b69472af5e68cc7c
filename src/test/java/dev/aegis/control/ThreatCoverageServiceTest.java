package dev.aegis.control;

import static dev.aegis.inventory.AiSystemFixtures.classified;
import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.control.ControlVocabulary.TestFrequency;
import dev.aegis.control.ThreatCoverageService.Threat;
import dev.aegis.control.ThreatCoverageService.ThreatStatus;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification.DataCategory;
import dev.aegis.inventory.Classification.Deployment;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.Classification.ModelType;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AegisTest
class ThreatCoverageServiceTest {

    @Autowired
    ThreatCoverageService threats;

    @Autowired
    ControlService controls;

    @Autowired
    AiSystemService systems;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    long req(String framework, String ref) {
        return catalog.find(framework, ref).orElseThrow().id();
    }

    static Threat find(List<Threat> list, String ref) {
        return list.stream()
                .filter(t -> t.threat().refId().equals(ref))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_generative_system_gets_owasp_entries_and_their_atlas_techniques_mitigated_by_implemented_controls() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystem system = systems.register(diagnosisAssistant("Threats " + System.nanoTime(), "officer"));
        var before = threats.of(system.getId());
        Threat injection = find(before.atlas(), "AML.T0051.000");
        assertThat(injection.reasons()).anyMatch(r -> r.contains("LLM01:2025"));
        assertThat(injection.mitigations()).isNotEmpty();
        assertThat(injection.status()).isEqualTo(ThreatStatus.UNMITIGATED);
        assertThat(find(before.owasp(), "LLM01:2025").techniques())
                .extracting(t -> t.refId())
                .contains("AML.T0051.000");

        long mitigation = injection.mitigations().getFirst().id();
        var c = controls.create(new ControlDetails(
                "Prompt guard " + System.nanoTime(),
                null,
                ControlType.PREVENTIVE,
                null,
                ImplementationStatus.IMPLEMENTED,
                null,
                TestFrequency.CONTINUOUS,
                null,
                null,
                Map.of(mitigation, MappingStrength.FULL),
                Set.of()));
        controls.apply(c.getId(), List.of(system.getId()), ImplementationStatus.IN_PROGRESS);
        assertThat(find(threats.of(system.getId()).atlas(), "AML.T0051.000").status())
                .isEqualTo(ThreatStatus.IN_PROGRESS);

        var applied = controls.appliedTo(system.getId()).getFirst();
        controls.recordStatus(c.getId(), system.getId(), applied.version(), ImplementationStatus.IMPLEMENTED, null);
        var after = threats.of(system.getId());
        assertThat(find(after.atlas(), "AML.T0051.000").status()).isEqualTo(ThreatStatus.MITIGATED);
        assertThat(find(after.atlas(), "AML.T0051.000").carriers())
                .extracting(ThreatCoverageService.Carrier::controlId)
                .contains(c.getId());
        assertThat(find(after.owasp(), "LLM01:2025").status()).isEqualTo(ThreatStatus.MITIGATED);
    }

    @Test
    void a_classifier_gets_no_owasp_llm_entries_nor_llm_specific_techniques() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystem system = systems.register(classified(
                diagnosisAssistant("Classifier " + System.nanoTime(), "officer"),
                ModelType.CLASSIFIER,
                Deployment.IN_HOUSE,
                EuAiActTier.MINIMAL,
                DataCategory.NONE));
        var coverage = threats.of(system.getId());
        assertThat(coverage.owasp()).isEmpty();
        assertThat(coverage.atlas())
                .isNotEmpty()
                .noneMatch(t -> t.threat().title().contains("LLM"));
    }
}
