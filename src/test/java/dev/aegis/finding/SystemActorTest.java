package dev.aegis.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.finding.FindingFixtures.Governed;
import dev.aegis.risk.RiskService;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.Actors;
import dev.aegis.telemetry.TelemetryEvents.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The telemetry loop acts as the system actor: the audit log names {@code system} for what it did, and it may do only
 * what it was granted — as may nobody else.
 */
@AegisTest
class SystemActorTest {

    @Autowired
    FindingFixtures fixtures;

    @Autowired
    FindingRecorder findings;

    @Autowired
    RiskService risks;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_audit_log_names_the_system_for_the_loops_own_actions() {
        Governed g = fixtures.governed("Audited loop");
        TestAccounts.signIn(g.officer()); // a person signed in meanwhile changes nothing: the loop acts as itself
        fixtures.publish(fixtures.result(g, FindingFixtures.nextId(), Outcome.FAILED, 0.4, Instant.now()));
        long finding = fixtures.findingOf(g);

        assertThat(actors("Finding", finding, "OPEN")).containsExactly(Actors.SYSTEM);
        assertThat(actors("Risk", g.riskId(), "FLAG_FOR_REASSESSMENT")).containsExactly(Actors.SYSTEM);
        assertThat(actors("TelemetryTest", g.testId(), "RECORD_FAILED")).containsExactly(Actors.SYSTEM);
    }

    @Test
    void a_system_owner_may_not_flag_a_risk_for_reassessment() {
        Governed g = fixtures.governed("Flag by hand");
        TestAccounts.signIn(g.owner());
        assertThatThrownBy(() -> risks.flagForReassessment(g.riskId(), "I say so"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_system_holds_only_the_permissions_it_was_granted() {
        Governed g = fixtures.governed("Narrow grant");
        assertThatThrownBy(() -> Actors.runAsSystem(
                        Set.of(FindingRecorder.SYSTEM_RECORD),
                        () -> risks.flagForReassessment(g.riskId(), "not granted")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.runAsSystem(
                        Set.of(RiskService.SYSTEM_FLAG),
                        () -> findings.record(
                                fixtures.result(g, FindingFixtures.nextId(), Outcome.FAILED, 0.4, Instant.now()))))
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(g.officer());
        assertThatThrownBy(() -> findings.record(
                        fixtures.result(g, FindingFixtures.nextId(), Outcome.FAILED, 0.4, Instant.now())))
                .as("only the loop records findings")
                .isInstanceOf(AccessDeniedException.class);
    }

    private List<String> actors(String type, long id, String action) {
        return jdbc.queryForList(
                "select actor from audit.audit_entry where object_type = ? and object_id = ?" + " and action = ?",
                String.class,
                type,
                String.valueOf(id),
                action);
    }
}
