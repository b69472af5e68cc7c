package dev.aegis.aims;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.aims.ChangeService.ChangeView;
import dev.aegis.aims.ChangeService.Details;
import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.CoverageService;
import dev.aegis.control.CoverageService.RequirementCoverage;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class ChangeServiceTest {

    @Autowired
    ChangeService changes;

    @Autowired
    AiSystemService systems;

    @Autowired
    CoverageService coverage;

    @Autowired
    TestAccounts accounts;

    AegisUser raiser;
    AegisUser approver;

    @BeforeEach
    void people() {
        raiser = accounts.create("raiser", Role.GOVERNANCE_OFFICER);
        approver = accounts.create("approver", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(raiser);
    }

    /** Every test leaves no approved change behind, so the next one starts from a gap. */
    @AfterEach
    void cancelEverything() {
        TestAccounts.signIn(raiser);
        for (ChangeView c : changes.list()) {
            if (c.status() == ChangeStatus.PLANNED || c.status() == ChangeStatus.APPROVED) {
                changes.cancel(c.id(), c.version(), "Test over");
            }
        }
        TestAccounts.signOut();
    }

    Details retraining(Set<Long> systems) {
        return new Details(
                "Retrain the model " + System.nanoTime(),
                "Drift",
                "Suggestions change; shadow run first",
                LocalDate.now().plusDays(7),
                systems);
    }

    @Test
    void a_change_names_its_ai_systems_and_is_approved_by_someone_else_then_done() {
        long system = systems.register(diagnosisAssistant("Change system " + System.nanoTime(), "owner"))
                .getId();
        ChangeView c = changes.raise(retraining(Set.of(system)));
        assertThat(c.reference()).matches("CHG-\\d{3}");
        assertThat(c.status()).isEqualTo(ChangeStatus.PLANNED);
        assertThat(c.systemNames()).startsWith("Change system ");

        assertThatThrownBy(() -> changes.approve(c.id(), c.version()))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("someone else must approve it (four-eyes rule)")
                .extracting("field")
                .isEqualTo("approver");
        assertThatThrownBy(() -> changes.done(c.id(), c.version(), "Done"))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("is planned, so it cannot be marked done (only while approved)");

        TestAccounts.signIn(approver);
        ChangeView approved = changes.approve(c.id(), c.version());
        assertThat(approved.approvedBy()).isEqualTo(approver.getUsername());
        assertThatThrownBy(() -> changes.change(approved.id(), approved.version(), retraining(Set.of())))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("is approved");
        ChangeView done = changes.done(approved.id(), approved.version(), "Released after the shadow run");
        assertThat(done.status()).isEqualTo(ChangeStatus.DONE);
        assertThat(done.outcome()).isEqualTo("Released after the shadow run");
    }

    @Test
    void bad_input_is_refused_at_its_field_and_auditors_only_read_and_export() {
        assertThatThrownBy(() -> changes.raise(new Details("T", " ", "I", LocalDate.now(), Set.of())))
                .extracting("field")
                .isEqualTo("reason");
        assertThatThrownBy(() -> changes.raise(new Details("T", "R", "I", null, Set.of())))
                .extracting("field")
                .isEqualTo("plannedOn");
        assertThatThrownBy(() -> changes.raise(retraining(Set.of(987_654_321L))))
                .extracting("field")
                .isEqualTo("systems");
        ChangeView c = changes.raise(retraining(Set.of()));

        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        assertThat(changes.get(c.id()).reference()).isEqualTo(c.reference());
        assertThatThrownBy(() -> changes.approve(c.id(), c.version())).isInstanceOf(AuthorizationDeniedException.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        changes.export(dev.aegis.shared.tabular.TabularFormat.CSV, out);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Reference,Change,Why")
                .contains(c.reference());
        TestAccounts.signIn(accounts.create("owner", Role.SYSTEM_OWNER));
        assertThatThrownBy(() -> changes.list()).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void clause_6_3_is_covered_once_a_change_is_approved() {
        Instant before = Instant.now();
        ChangeView c = changes.raise(retraining(Set.of()));
        assertThat(clause("6.3", Instant.now()).level()).isEqualTo(CoverageLevel.NOT_COVERED);
        TestAccounts.signIn(approver);
        changes.approve(c.id(), c.version());
        RequirementCoverage covered = clause("6.3", Instant.now());
        assertThat(covered.level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(covered.recordsSentence()).contains(c.reference()).contains("approved before being made");
        assertThat(clause("6.3", before).level()).isEqualTo(CoverageLevel.NOT_COVERED);
    }

    RequirementCoverage clause(String refId, Instant at) {
        TestAccounts.signIn(accounts.create("reader", Role.AUDITOR));
        return coverage.scope(AimsCoverage.ISO, List.of(), Map.of(), List.of(), at).requirements().stream()
                .filter(r -> r.requirement().refId().equals(refId))
                .findFirst()
                .orElseThrow();
    }
}
