package dev.aegis.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.finding.FindingFixtures.Governed;
import dev.aegis.finding.FindingVocabulary.OccurrenceKind;
import dev.aegis.finding.FindingVocabulary.Severity;
import dev.aegis.finding.FindingVocabulary.State;
import dev.aegis.notification.Notification;
import dev.aegis.notification.Notifications;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Treatment;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.telemetry.TelemetryEvents.Outcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class FindingServiceTest {

    @Autowired
    FindingService service;

    @Autowired
    FindingWorkflow workflow;

    @Autowired
    FindingFixtures fixtures;

    @Autowired
    Findings findings;

    @Autowired
    RiskService risks;

    @Autowired
    dev.aegis.inventory.AiSystemService systems;

    @Autowired
    Notifications notifications;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private Finding findingOf(Governed g) {
        return findings.findByCause("test:" + g.testId()).orElseThrow();
    }

    private void fail(Governed g, double psi, Instant at) {
        fixtures.publish(fixtures.result(g, FindingFixtures.nextId(), Outcome.FAILED, psi, at));
    }

    @Test
    void a_breach_opens_exactly_one_finding_linked_to_the_system_the_control_and_its_risks_and_flags_those_risks() {
        Governed g = fixtures.governed("Triage");

        fail(g, 0.31, now);

        TestAccounts.signIn(g.officer());
        List<Finding> found = service.search(FindingService.Filter.ofSystem(g.systemId()), Pageable.ofSize(10))
                .getContent();
        assertThat(found).hasSize(1);
        Finding f = found.getFirst();
        assertThat(f.getState()).isEqualTo(State.OPEN);
        assertThat(f.getControlId()).isEqualTo(g.controlId());
        assertThat(f.getCause()).isEqualTo("test:" + g.testId());
        // the control mitigates two risks; only the one of this system is linked and flagged
        assertThat(f.getRisks()).containsExactly(g.riskId());
        assertThat(f.getOccurrences()).isEqualTo(1);
        // 0.31 is 55 % past 0.2 (high), raised to critical: the control mitigates a risk scored 16
        assertThat(f.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(risks.get(g.riskId()).isFlaggedForReassessment()).isTrue();
        assertThat(risks.get(g.riskId()).getReassessmentReason()).contains("Finding " + f.getId());
        assertThat(risks.get(g.otherRiskId()).isFlaggedForReassessment()).isFalse();
    }

    @Test
    void a_second_breach_of_the_same_cause_adds_an_occurrence_to_the_open_finding() {
        Governed g = fixtures.governed("Triage");
        fail(g, 0.25, now.minus(1, ChronoUnit.HOURS));
        fail(g, 0.40, now);

        Finding f = findingOf(g);
        TestAccounts.signIn(g.officer());
        assertThat(service.count(FindingService.Filter.ofSystem(g.systemId()))).isEqualTo(1);
        assertThat(f.getOccurrences()).isEqualTo(2);
        assertThat(f.getFirstSeen()).isEqualTo(now.minus(1, ChronoUnit.HOURS));
        assertThat(f.getLastSeen()).isEqualTo(now);
        assertThat(service.occurrences(f.getId()))
                .extracting(Occurrence::getFigure)
                .containsExactly(0.25, 0.40);
    }

    @Test
    void the_same_result_delivered_twice_counts_once() {
        Governed g = fixtures.governed("Triage");
        var result = fixtures.result(g, FindingFixtures.nextId(), Outcome.FAILED, 0.3, now);
        fixtures.publish(result);
        fixtures.publish(result);

        assertThat(findingOf(g).getOccurrences()).isEqualTo(1);
        TestAccounts.signIn(g.officer());
        assertThat(service.occurrences(findingOf(g).getId())).hasSize(1);
    }

    @Test
    void a_recovery_is_shown_on_the_open_finding_which_is_then_resolved_with_its_root_cause() {
        Governed g = fixtures.governed("Triage");
        fail(g, 0.3, now.minus(2, ChronoUnit.HOURS));
        fixtures.publish(fixtures.result(g, FindingFixtures.nextId(), Outcome.PASSED, 0.05, now));

        Finding f = findingOf(g);
        assertThat(f.getState()).isEqualTo(State.OPEN);
        assertThat(f.isRecovered()).isTrue();
        assertThat(f.getRecoveredFigure()).isEqualTo(0.05);

        TestAccounts.signIn(g.owner());
        Finding investigating = workflow.investigate(f.getId(), f.getVersion(), "Looking at the age feature");
        assertThat(investigating.getState()).isEqualTo(State.INVESTIGATING);
        assertThatThrownBy(() -> workflow.resolve(f.getId(), investigating.getVersion(), " ", "Retrained"))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("rootCause");
        assertThatThrownBy(() -> workflow.resolve(f.getId(), investigating.getVersion(), "x".repeat(4001), "Retrained"))
                .isInstanceOf(DomainRuleException.class)
                .hasMessage("The root cause can be at most 4,000 characters. You entered 4,001.")
                .extracting("field")
                .isEqualTo("rootCause");
        Finding resolved = workflow.resolve(
                f.getId(),
                investigating.getVersion(),
                "A new clinic sent younger patients",
                "Retrained on the new mix");
        assertThat(resolved.getState()).isEqualTo(State.RESOLVED);
        assertThat(resolved.getResolvedBy()).isEqualTo(g.owner().username());
        assertThat(service.occurrences(f.getId()))
                .extracting(Occurrence::getKind)
                .containsExactly(OccurrenceKind.BREACH, OccurrenceKind.RECOVERY);
    }

    @Test
    void a_new_breach_reopens_a_resolved_finding_and_flags_its_risks_again() {
        Governed g = fixtures.governed("Triage");
        fail(g, 0.3, now.minus(3, ChronoUnit.HOURS));
        TestAccounts.signIn(g.officer());
        Finding f = findingOf(g);
        workflow.resolve(f.getId(), f.getVersion(), "Upstream change", "Pinned the feature pipeline");
        var risk = risks.get(g.riskId());
        risks.assess(g.riskId(), risk.getVersion(), 4, 4);
        assertThat(risks.get(g.riskId()).isFlaggedForReassessment()).isFalse();
        TestAccounts.signOut();

        fail(g, 0.35, now);

        Finding reopened = findingOf(g);
        assertThat(reopened.getState()).isEqualTo(State.OPEN);
        assertThat(reopened.getOccurrences()).isEqualTo(2);
        assertThat(reopened.getRootCause()).isNull();
        assertThat(reopened.getReopenReason()).contains("breached again");
        TestAccounts.signIn(g.officer());
        assertThat(risks.get(g.riskId()).isFlaggedForReassessment()).isTrue();
        assertThat(service.count(FindingService.Filter.ofSystem(g.systemId()))).isEqualTo(1);
    }

    @Test
    void a_treated_risk_flagged_for_reassessment_is_treated_again_which_clears_the_flag() {
        Governed g = fixtures.governed("Triage");
        TestAccounts.signIn(g.officer());
        var risk = risks.assess(g.riskId(), risks.get(g.riskId()).getVersion(), 4, 4);
        risk = risks.treat(g.riskId(), risk.getVersion(), Treatment.MITIGATE, 2, 2);
        TestAccounts.signOut();

        fail(g, 0.3, now);

        TestAccounts.signIn(g.officer());
        risk = risks.get(g.riskId());
        assertThat(risk.isFlaggedForReassessment()).isTrue();
        risk = risks.treat(g.riskId(), risk.getVersion(), Treatment.MITIGATE, 3, 3);
        assertThat(risk.isFlaggedForReassessment()).isFalse();
        assertThat(risk.getResidualScore()).isEqualTo(9);
    }

    @Test
    void an_alert_seen_open_opens_a_finding_for_the_alert_cause_and_seen_cleared_shows_a_recovery() {
        Governed g = fixtures.governed("Triage");
        long alertId = FindingFixtures.nextId();

        fixtures.publish(fixtures.alert(g, alertId, true, 450, now.minus(10, ChronoUnit.MINUTES)));
        fixtures.publish(fixtures.alert(g, alertId, false, 120, now));

        Finding f =
                findings.findByCause("alert:embedded/triage-v1/p95_latency_ms/").orElseThrow();
        assertThat(f.getSystemId()).isEqualTo(g.systemId());
        assertThat(f.getControlId()).isNull();
        assertThat(f.getSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.isRecovered()).isTrue();
        assertThat(f.getState()).isEqualTo(State.OPEN);
    }

    @Test
    void the_owners_and_officers_are_told_once_per_opening_not_per_occurrence() {
        Governed g = fixtures.governed("Triage");
        fail(g, 0.3, now.minus(1, ChronoUnit.HOURS));
        fail(g, 0.3, now);
        long id = findingOf(g).getId();

        for (AegisUser user : List.of(g.owner(), g.officer())) {
            TestAccounts.signIn(user);
            assertThat(notifications.mine(50))
                    .filteredOn(n -> ("findings/" + id).equals(n.getLink()))
                    .extracting(Notification::getSubject)
                    .singleElement()
                    .asString()
                    .startsWith("Finding opened:");
        }
    }

    @Test
    void a_system_owner_sees_and_moves_only_the_findings_of_the_systems_they_own() {
        Governed mine = fixtures.governed("Mine");
        Governed theirs = fixtures.governed("Theirs");
        fail(mine, 0.3, now);
        fail(theirs, 0.3, now);
        Finding other = findingOf(theirs);

        TestAccounts.signIn(mine.owner());
        assertThat(service.search(FindingService.Filter.none(), Pageable.ofSize(500))
                        .getContent())
                .extracting(Finding::getSystemId)
                .contains(mine.systemId())
                .doesNotContain(theirs.systemId());
        assertThat(service.count(FindingService.Filter.ofSystem(theirs.systemId())))
                .isZero();
        assertThatThrownBy(() -> service.get(other.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> workflow.investigate(other.getId(), other.getVersion(), null))
                .isInstanceOf(NotFoundException.class);
        Finding own = findingOf(mine);
        assertThat(workflow.mayAct(own.getId())).isTrue();
        assertThat(workflow.investigate(own.getId(), own.getVersion(), null).getState())
                .isEqualTo(State.INVESTIGATING);
        assertThatThrownBy(() -> workflow.accept(own.getId(), own.getVersion() + 1, "Fine"))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void an_auditor_reads_every_finding_and_changes_none() {
        Governed g = fixtures.governed("Triage");
        fail(g, 0.3, now);
        Finding f = findingOf(g);

        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        assertThat(service.get(f.getId()).getId()).isEqualTo(f.getId());
        assertThat(workflow.mayAct(f.getId())).isFalse();
        assertThatThrownBy(() -> workflow.investigate(f.getId(), f.getVersion(), null))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> workflow.resolve(f.getId(), f.getVersion(), "a", "b"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> workflow.accept(f.getId(), f.getVersion(), "a"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> workflow.reopen(f.getId(), f.getVersion(), "a"))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void a_step_on_a_stale_copy_is_refused() {
        Governed g = fixtures.governed("Triage");
        fail(g, 0.3, now);
        Finding f = findingOf(g);
        TestAccounts.signIn(g.officer());
        workflow.investigate(f.getId(), f.getVersion(), null);
        assertThatThrownBy(() -> workflow.resolve(f.getId(), f.getVersion(), "a", "b"))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void the_audit_log_has_each_step() {
        Governed g = fixtures.governed("Triage");
        fail(g, 0.3, now.minus(2, ChronoUnit.HOURS));
        fail(g, 0.3, now.minus(1, ChronoUnit.HOURS));
        fixtures.publish(fixtures.result(g, FindingFixtures.nextId(), Outcome.PASSED, 0.1, now));
        Finding f = findingOf(g);
        TestAccounts.signIn(g.officer());
        f = workflow.investigate(f.getId(), f.getVersion(), null);
        f = workflow.accept(f.getId(), f.getVersion(), "Seasonal; the model copes");
        f = workflow.reopen(f.getId(), f.getVersion(), "The season lasts longer");
        f = workflow.resolve(f.getId(), f.getVersion(), "Seasonal mix", "Retrained with winter data");
        TestAccounts.signOut();
        fail(g, 0.3, now.plus(1, ChronoUnit.MINUTES));

        List<String> actions = jdbc.queryForList(
                "select action from audit.audit_entry where object_type = 'Finding'" + " and object_id = ? order by id",
                String.class,
                String.valueOf(f.getId()));
        assertThat(actions)
                .containsExactly(
                        "OPEN",
                        "OCCUR",
                        "RECOVERY_SEEN",
                        "INVESTIGATE",
                        "ACCEPT",
                        "REOPEN",
                        "RESOLVE",
                        "OCCUR",
                        "REOPEN");
        assertThat(jdbc.queryForList(
                        "select actor from audit.audit_entry where object_type = 'Finding' and object_id = ?"
                                + " and action = 'ACCEPT'",
                        String.class,
                        String.valueOf(f.getId())))
                .containsExactly(g.officer().username());
        assertThat(jdbc.queryForList(
                        "select action from audit.audit_entry where object_type = 'Risk' and object_id = ?",
                        String.class,
                        String.valueOf(g.riskId())))
                .contains("FLAG_FOR_REASSESSMENT");
    }

    @Test
    void a_result_naming_a_removed_system_records_nothing_and_never_fails_the_publisher() {
        Governed g = fixtures.governed("Gone");
        TestAccounts.signIn(g.officer());
        systems.remove(g.systemId(), systems.get(g.systemId()).getVersion());
        TestAccounts.signOut();

        fail(g, 0.3, now);

        assertThat(findings.findByCause("test:" + g.testId())).isEmpty();
    }

    @Test
    void the_dashboard_counts_controls_by_their_latest_test_results() {
        Governed g = fixtures.governed("Dash");
        TestAccounts.signIn(g.owner());
        var before = service.controlTests();
        TestAccounts.signOut();
        fail(g, 0.3, now.minus(1, ChronoUnit.HOURS));

        TestAccounts.signIn(g.owner());
        var failing = service.controlTests();
        assertThat(failing.controlsFailing()).isEqualTo(before.controlsFailing() + 1);
        List<FindingService.DayCount> days = service.breachesPerDay(30);
        assertThat(days).hasSize(30);
        assertThat(days.stream().mapToLong(FindingService.DayCount::breaches).sum())
                .isEqualTo(1L);
        assertThat(service.openBySeverity().total()).isGreaterThanOrEqualTo(1);
        TestAccounts.signOut();

        fixtures.publish(fixtures.result(g, FindingFixtures.nextId(), Outcome.PASSED, 0.1, now));
        TestAccounts.signIn(g.owner());
        var passing = service.controlTests();
        assertThat(passing.controlsFailing()).isEqualTo(before.controlsFailing());
        assertThat(passing.controlsPassing()).isEqualTo(before.controlsPassing() + 1);
    }
}
