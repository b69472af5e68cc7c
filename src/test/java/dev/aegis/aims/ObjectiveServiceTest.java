package dev.aegis.aims;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.aims.ObjectiveService.Details;
import dev.aegis.aims.ObjectiveService.ObjectiveView;
import dev.aegis.aims.ObjectiveService.Value;
import dev.aegis.aims.ObjectiveVocabulary.Direction;
import dev.aegis.aims.ObjectiveVocabulary.Indicator;
import dev.aegis.control.ControlDetails;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.TestFrequency;
import dev.aegis.control.CoverageService;
import dev.aegis.control.CoverageService.RequirementCoverage;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.risk.RiskVocabulary.Treatment;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class ObjectiveServiceTest {

    @Autowired
    ObjectiveService objectives;

    @Autowired
    ObjectiveRecorder recorder;

    @Autowired
    ControlService controls;

    @Autowired
    RiskService risks;

    @Autowired
    AiSystemService systems;

    @Autowired
    CoverageService coverage;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    AegisUser officer;

    @BeforeEach
    void signIn() {
        officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
    }

    /** Every test leaves no objective in force, so the next one starts from a gap. */
    @AfterEach
    void retireEverything() {
        TestAccounts.signIn(officer);
        for (ObjectiveView o : objectives.list()) {
            if (o.inForce()) {
                objectives.retire(o.id(), o.version(), "Test over");
            }
        }
        TestAccounts.signOut();
    }

    ObjectiveView objective(Indicator indicator, String unit, Direction direction, double target) {
        return objectives.set(new Details(
                "Objective " + System.nanoTime(),
                null,
                officer.getUsername(),
                indicator,
                unit,
                direction,
                target,
                null));
    }

    @Test
    void the_implementation_rate_recorded_is_the_control_registers_own() {
        control(ImplementationStatus.IMPLEMENTED);
        control(ImplementationStatus.PLANNED);
        control(ImplementationStatus.NOT_APPLICABLE);
        ObjectiveView o = objective(Indicator.CONTROLS_IMPLEMENTED, null, Direction.AT_LEAST, 80);
        assertThat(o.reference()).matches("OBJ-\\d{3}");
        assertThat(o.unit()).isEqualTo("%");

        Value v = objectives.recordNow(o.id());

        ControlService.Figures f = controls.figures();
        long applicable = f.controls() - f.notApplicable();
        assertThat(v.value())
                .isEqualTo(Indicators.share(f.implemented(), applicable, "").value());
        assertThat(Math.round(v.value())).isEqualTo((long) f.implementationRate());
        assertThat(v.basis()).isEqualTo(f.implemented() + " of " + applicable + " applicable controls implemented");
        assertThat(v.computed()).isTrue();
        assertThat(objectives.get(o.id()).latest()).isEqualTo(v);
        assertThat(applicable).isGreaterThanOrEqualTo(2);
    }

    void control(ImplementationStatus status) {
        controls.create(new ControlDetails(
                "Objective control " + System.nanoTime(),
                "Counted by the implementation rate",
                ControlType.PREVENTIVE,
                officer.getUsername(),
                status,
                status == ImplementationStatus.NOT_APPLICABLE ? "Not used here" : null,
                TestFrequency.CONTINUOUS,
                null,
                null,
                Map.of(),
                Set.of()));
    }

    @Test
    void the_share_of_high_risks_treated_follows_the_risk_register() {
        ObjectiveView o = objective(Indicator.HIGH_RISKS_TREATED, null, Direction.AT_LEAST, 90);
        RiskService.HighRiskTreatment before = risks.highRiskTreatment();
        long system = systems.register(diagnosisAssistant("Objective system " + System.nanoTime(), "owner"))
                .getId();
        Risk risk = risks.identify(new RiskDetails(
                "Unsafe advice " + System.nanoTime(),
                null,
                Category.SAFETY,
                Set.of(system),
                Set.of(),
                Set.of(),
                4,
                4,
                null,
                null));

        Value untreated = objectives.recordNow(o.id());
        assertThat(untreated.basis())
                .startsWith(before.treated() + " of " + (before.high() + 1) + " high and critical risks");

        Risk assessed = risks.assess(risk.getId(), risk.getVersion(), 4, 4);
        risks.treat(risk.getId(), assessed.getVersion(), Treatment.MITIGATE, 2, 2);
        Value treated = objectives.recordNow(o.id());
        assertThat(treated.basis())
                .startsWith((before.treated() + 1) + " of " + (before.high() + 1) + " high and critical risks");
        assertThat(treated.value()).isGreaterThan(untreated.value());
        // recorded twice today: the day keeps one value, the newer
        assertThat(objectives.history(o.id())).containsExactly(treated);
    }

    @Test
    void manual_values_build_a_history_charted_against_the_target_and_the_standing_follows_the_newest() {
        ObjectiveView o = objective(Indicator.MANUAL, "days", Direction.AT_MOST, 2);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        objectives.recordByHand(o.id(), today.minusMonths(2), 5.0, "March report");
        objectives.recordByHand(o.id(), today.minusMonths(1), 3.0, null);
        assertThat(objectives.get(o.id()).standing()).isEqualTo("Above target");
        objectives.recordByHand(o.id(), today, 1.5, null);

        List<Value> history = objectives.history(o.id());
        assertThat(history).extracting(Value::value).containsExactly(5.0, 3.0, 1.5);
        assertThat(history)
                .extracting(Value::measuredOn)
                .containsExactly(today.minusMonths(2), today.minusMonths(1), today);
        ObjectiveView now = objectives.get(o.id());
        assertThat(now.standing()).isEqualTo("On target");
        assertThat(now.targetText()).isEqualTo("≤ 2 days");

        assertThatThrownBy(() -> objectives.recordByHand(o.id(), today.plusDays(1), 1.0, null))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("measuredOn");
        assertThatThrownBy(() -> objectives.recordNow(o.id()))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("measured by hand");
    }

    @Test
    void bad_input_is_refused_at_its_field() {
        assertThatThrownBy(() -> objectives.set(
                        new Details(" ", null, officer.getUsername(), Indicator.MANUAL, "x", null, 1.0, null)))
                .extracting("field")
                .isEqualTo("title");
        assertThatThrownBy(() ->
                        objectives.set(new Details("T", null, "nobody-here", Indicator.MANUAL, "x", null, 1.0, null)))
                .extracting("field")
                .isEqualTo("owner");
        assertThatThrownBy(() -> objectives.set(new Details(
                        "T", null, officer.getUsername(), Indicator.CONTROLS_IMPLEMENTED, null, null, 140.0, null)))
                .extracting("field")
                .isEqualTo("target");
        assertThatThrownBy(() -> objectives.set(
                        new Details("T", null, officer.getUsername(), Indicator.MANUAL, " ", null, 1.0, null)))
                .extracting("field")
                .isEqualTo("unit");
    }

    @Test
    void auditors_read_but_may_not_set_or_record_and_other_roles_may_not_read() {
        ObjectiveView o = objective(Indicator.CONTROLS_IMPLEMENTED, null, Direction.AT_LEAST, 80);
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        assertThat(objectives.get(o.id()).reference()).isEqualTo(o.reference());
        assertThatThrownBy(() -> objectives.recordNow(o.id())).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> objectives.recordAllNow()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> objectives.retire(o.id(), o.version(), "no"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> objective(Indicator.MANUAL, "x", Direction.AT_LEAST, 1))
                .isInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(accounts.create("vendors", Role.VENDOR_MANAGER));
        assertThatThrownBy(() -> objectives.list()).isInstanceOf(AuthorizationDeniedException.class);
        // the system actor needs its own permission, a read permission is not enough
        Actors.runAsSystem(
                Set.of(AimsDocumentService.SYSTEM_READ),
                () -> assertThatThrownBy(() -> objectives.recordAllNow())
                        .isInstanceOf(AuthorizationDeniedException.class));
    }

    @Test
    void the_daily_record_runs_as_the_system_actor_and_leaves_manual_and_retired_objectives_alone() {
        ObjectiveView computed = objective(Indicator.POLICY_ACKNOWLEDGED, null, Direction.AT_LEAST, 100);
        ObjectiveView manual = objective(Indicator.MANUAL, "trainings", Direction.AT_LEAST, 10);
        ObjectiveView retired = objective(Indicator.VENDOR_ASSESSMENTS_CURRENT, null, Direction.AT_LEAST, 100);
        objectives.retire(retired.id(), retired.version(), "Replaced");
        TestAccounts.signOut();

        recorder.recordDaily();

        TestAccounts.signIn(officer);
        assertThat(objectives.history(computed.id())).singleElement().satisfies(v -> {
            assertThat(v.computed()).isTrue();
            assertThat(v.recordedBy()).isEqualTo(Actors.SYSTEM);
        });
        assertThat(objectives.history(manual.id())).isEmpty();
        assertThat(objectives.history(retired.id())).isEmpty();
        assertThat(objectives.name(Actors.SYSTEM)).isEqualTo("Aegis (daily record)");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_type = 'IndicatorValue' and actor = 'system'",
                        Long.class))
                .isPositive();
    }

    @Test
    void clause_6_2_is_covered_once_an_objective_in_force_is_measured_and_a_gap_again_once_it_is_retired() {
        Instant before = Instant.now();
        assertThat(clause("6.2", before).level()).isEqualTo(CoverageLevel.NOT_COVERED);
        TestAccounts.signIn(officer);
        ObjectiveView o = objective(Indicator.MANUAL, "%", Direction.AT_LEAST, 90);
        assertThat(clause("6.2", Instant.now()).level()).isEqualTo(CoverageLevel.NOT_COVERED);

        TestAccounts.signIn(officer);
        objectives.recordByHand(o.id(), null, 75.0, null);
        RequirementCoverage covered = clause("6.2", Instant.now());
        assertThat(covered.level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(covered.recordsSentence()).contains("AI objectives " + o.reference() + " in force and measured");
        assertThat(clause("6.2", before).level()).isEqualTo(CoverageLevel.NOT_COVERED);

        TestAccounts.signIn(officer);
        ObjectiveView now = objectives.get(o.id());
        objectives.retire(o.id(), now.version(), "Achieved");
        assertThat(clause("6.2", Instant.now()).level()).isEqualTo(CoverageLevel.NOT_COVERED);
        TestAccounts.signIn(officer);
        assertThatThrownBy(() -> objectives.recordByHand(o.id(), null, 80.0, null))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("was retired");
    }

    RequirementCoverage clause(String refId, Instant at) {
        TestAccounts.signIn(accounts.create("reader", Role.AUDITOR));
        return coverage.scope(AimsCoverage.ISO, List.of(), Map.of(), List.of(), at).requirements().stream()
                .filter(r -> r.requirement().refId().equals(refId))
                .findFirst()
                .orElseThrow();
    }
}
