package dev.aegis.risk;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static dev.aegis.risk.RiskFixtures.promptInjection;
import static dev.aegis.risk.RiskFixtures.retitled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.risk.RiskVocabulary.Status;
import dev.aegis.risk.RiskVocabulary.Treatment;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class RiskServiceTest {

    @Autowired
    RiskService service;

    @Autowired
    AiSystemService systems;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void accepted_risk_requires_an_approver_other_than_the_owner() {
        AegisUser owner = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(owner);
        Risk risk = assessed(owner.username());
        LocalDate until = LocalDate.now().plusMonths(6);

        assertThatThrownBy(() -> service.accept(risk.getId(), risk.getVersion(), "Compensating controls", until))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("owner")
                .extracting("field")
                .isEqualTo("acceptedBy");
        TestAccounts.signIn(accounts.create("system-owner", Role.SYSTEM_OWNER));
        assertThatThrownBy(() -> service.accept(risk.getId(), risk.getVersion(), "Compensating controls", until))
                .isInstanceOf(AuthorizationDeniedException.class);

        AegisUser approver = accounts.create("approver", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(approver);
        Risk accepted = service.accept(risk.getId(), risk.getVersion(), "Compensating controls", until);
        assertThat(accepted.getStatus()).isEqualTo(Status.ACCEPTED);
        assertThat(accepted.getTreatment()).isEqualTo(Treatment.ACCEPT);
        assertThat(accepted.getAcceptedBy()).isEqualTo(approver.username());
        assertThat(accepted.getAcceptanceExpiresOn()).isEqualTo(until);
    }

    @Test
    void acceptance_requires_a_rationale_and_a_future_expiry() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        Risk risk = assessed("someone-else");
        long id = risk.getId();
        long v = risk.getVersion();
        assertThatThrownBy(() -> service.accept(id, v, " ", LocalDate.now().plusDays(30)))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("rationale");
        assertThatThrownBy(() -> service.accept(id, v, "Low exposure", null))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("expiresOn");
        assertThatThrownBy(() -> service.accept(id, v, "Low exposure", LocalDate.now()))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("expiresOn");
        assertThatThrownBy(() -> service.accept(id, v, "Low exposure", LocalDate.of(2100, 1, 1)))
                .isInstanceOf(DomainRuleException.class)
                .hasMessage("An acceptance expires by 31 December 2099 at the latest.")
                .extracting("field")
                .isEqualTo("expiresOn");
        assertThatThrownBy(() ->
                        service.accept(id, v, "y".repeat(4001), LocalDate.now().plusDays(30)))
                .isInstanceOf(DomainRuleException.class)
                .hasMessage("The rationale can be at most 4,000 characters. You entered 4,001.")
                .extracting("field")
                .isEqualTo("rationale");
        assertThat(service.get(id).getStatus()).isEqualTo(Status.ASSESSED);
    }

    @Test
    void an_expired_acceptance_reopens_the_risk() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        Risk risk = assessed("someone-else");
        Risk accepted = service.accept(
                risk.getId(), risk.getVersion(), "Pilot only", LocalDate.now().plusDays(10));
        Risk stillValid = assessed("someone-else");
        service.accept(
                stillValid.getId(),
                stillValid.getVersion(),
                "Pilot only",
                LocalDate.now().plusDays(10));
        // the acceptance ran out yesterday: set it straight in the table (no trigger guards it), as time would
        jdbc.update(
                "update risk.risk set acceptance_expires_on = ? where id = ?",
                LocalDate.now().minusDays(1),
                accepted.getId());
        TestAccounts.signOut();

        // no one signed in may not; the nightly job is the system actor with the one permission it needs
        assertThatThrownBy(service::reopenExpiredAcceptances)
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
        AtomicInteger reopenedCount = new AtomicInteger();
        Actors.runAsSystem(
                Set.of(RiskService.SYSTEM_REOPEN_EXPIRED), () -> reopenedCount.set(service.reopenExpiredAcceptances()));
        assertThat(reopenedCount).hasValueGreaterThanOrEqualTo(1);

        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        Risk reopened = service.get(accepted.getId());
        assertThat(reopened.getStatus()).isEqualTo(Status.IDENTIFIED);
        assertThat(reopened.getAcceptedBy()).isNull();
        assertThat(service.get(stillValid.getId()).getStatus()).isEqualTo(Status.ACCEPTED);
        // the field changes are logged at flush, the events just before commit
        var entries = jdbc.queryForList(
                "select action, changes from audit.audit_entry where object_type = 'Risk' "
                        + "and object_id = ? order by id",
                String.valueOf(accepted.getId()));
        assertThat(entries).extracting(e -> e.get("action")).endsWith("UPDATE", "ACCEPTANCE_EXPIRED", "REOPEN");
        assertThat((String) entries.get(entries.size() - 3).get("changes"))
                .contains("\"status\":{\"after\":\"IDENTIFIED\",\"before\":\"ACCEPTED\"}");
        assertThat((String) entries.getLast().get("changes")).contains("expired on");
        assertThat(jdbc.queryForObject(
                        "select actor from audit.audit_entry where object_id = ? and action = "
                                + "'ACCEPTANCE_EXPIRED'",
                        String.class,
                        String.valueOf(accepted.getId())))
                .isEqualTo("system");
    }

    @Test
    void out_of_order_steps_name_the_current_state() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        Risk risk = service.identify(
                promptInjection("Order " + System.nanoTime(), system("someone-else"), "someone-else", Set.of()));
        assertThatThrownBy(() -> service.treat(risk.getId(), risk.getVersion(), Treatment.MITIGATE, 2, 2))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("The risk is identified;");
        assertThatThrownBy(() -> service.close(risk.getId(), risk.getVersion()))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("The risk is identified;");
        assertThatThrownBy(() -> service.accept(
                        risk.getId(), risk.getVersion(), "x", LocalDate.now().plusDays(5)))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("The risk is identified;");
        Risk assessed = service.assess(risk.getId(), risk.getVersion(), 3, 4);
        assertThat(assessed.getInherentScore()).isEqualTo(12);
        assertThatThrownBy(() -> service.assess(risk.getId(), assessed.getVersion(), 3, 4))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("The risk is assessed;");
        assertThatThrownBy(() -> service.treat(risk.getId(), assessed.getVersion(), Treatment.ACCEPT, 1, 1))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("treatment");
        Risk treated = service.treat(risk.getId(), assessed.getVersion(), Treatment.MITIGATE, 2, 3);
        assertThat(treated.getResidualScore()).isEqualTo(6);
        Risk closed = service.close(risk.getId(), treated.getVersion());
        assertThatThrownBy(() -> service.update(risk.getId(), closed.getVersion(), retitled(closed.details(), "x")))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("The risk is closed");
        Risk reopened = service.reopen(risk.getId(), closed.getVersion(), "The model was retrained");
        assertThat(reopened.getStatus()).isEqualTo(Status.IDENTIFIED);
        assertThat(reopened.getResidualScore()).isNull();
    }

    @Test
    void a_system_owner_raises_risks_only_on_their_own_systems() {
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        long mine = system(owner.username());
        long theirs = system("someone-else");
        Risk onTheirs =
                service.identify(promptInjection("Theirs " + System.nanoTime(), theirs, "someone-else", Set.of()));

        TestAccounts.signIn(owner);
        Risk raised = service.identify(promptInjection("Mine " + System.nanoTime(), mine, null, Set.of()));
        assertThat(raised.getOwner()).isEqualTo(owner.username());
        assertThat(service.mayEdit(raised.getId())).isTrue();
        assertThat(service.mayEdit(onTheirs.getId())).isFalse();
        service.assess(raised.getId(), raised.getVersion(), 2, 2);
        assertThatThrownBy(() -> service.identify(promptInjection("Not mine", theirs, null, Set.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.assess(onTheirs.getId(), onTheirs.getVersion(), 2, 2))
                .isInstanceOf(AccessDeniedException.class);

        for (Role reader : new Role[] {Role.AUDITOR, Role.VENDOR_MANAGER}) {
            TestAccounts.signIn(accounts.create("reader", reader));
            assertThat(service.get(raised.getId()).getTitle()).startsWith("Mine");
            assertThatThrownBy(() -> service.identify(promptInjection("No", mine, null, Set.of())))
                    .as(reader.name())
                    .isInstanceOf(AuthorizationDeniedException.class);
        }
    }

    @Test
    void threats_must_be_atlas_techniques_or_owasp_entries() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        long system = system("someone-else");
        long technique = catalog.find("MITRE-ATLAS", "AML.T0051").orElseThrow().id();
        long owasp =
                catalog.find("OWASP-LLM-TOP10-2025", "LLM01:2025").orElseThrow().id();
        long tactic = catalog.find("MITRE-ATLAS", "AML.TA0002").orElseThrow().id();
        long isoControl =
                catalog.find("ISO-IEC-42001-2023", "A.2.2").orElseThrow().id();

        Risk risk = service.identify(
                promptInjection("Threats " + System.nanoTime(), system, null, Set.of(technique, owasp)));
        assertThat(risk.getThreats()).containsExactlyInAnyOrder(technique, owasp);
        for (long notAThreat : new long[] {tactic, isoControl, Long.MAX_VALUE}) {
            assertThatThrownBy(() -> service.identify(promptInjection("Bad", system, null, Set.of(notAThreat))))
                    .isInstanceOf(DomainRuleException.class)
                    .extracting("field")
                    .isEqualTo("threats");
        }
        RiskDetails bearsOnIso = new RiskDetails(
                "Bears on ISO " + System.nanoTime(),
                null,
                Category.COMPLIANCE,
                Set.of(system),
                Set.of(),
                Set.of(isoControl),
                2,
                3,
                null,
                null);
        assertThat(service.identify(bearsOnIso).getRequirements()).containsExactly(isoControl);
    }

    @Test
    void every_change_is_audited_with_before_and_after() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        Risk risk = service.identify(
                promptInjection("Audited " + System.nanoTime(), system("x"), "someone-else", Set.of()));
        Risk renamed = service.update(risk.getId(), risk.getVersion(), retitled(risk.details(), "Audited, renamed"));
        service.assess(risk.getId(), renamed.getVersion(), 1, 5);
        var rows = jdbc.queryForList(
                "select action, actor, changes from audit.audit_entry where object_type = 'Risk' "
                        + "and object_id = ? order by id",
                String.valueOf(risk.getId()));
        assertThat(rows).extracting(r -> r.get("action")).containsExactly("CREATE", "UPDATE", "UPDATE");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("actor")).isEqualTo(officer.username()));
        assertThat((String) rows.get(1).get("changes")).contains("\"title\":{\"after\":\"Audited, renamed\"");
        assertThat((String) rows.get(2).get("changes"))
                .contains("\"status\":{\"after\":\"ASSESSED\",\"before\":\"IDENTIFIED\"}")
                .contains("\"inherentScore\":{\"after\":\"5\",\"before\":\"20\"}");
    }

    @Test
    void the_heat_map_counts_open_risks_per_cell() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        long system = system("someone-else");
        Risk first = service.identify(promptInjection("Heat 1", system, "someone-else", Set.of()));
        service.identify(promptInjection("Heat 2", system, "someone-else", Set.of()));
        Risk assessed = service.assess(first.getId(), first.getVersion(), 4, 5);
        service.treat(first.getId(), assessed.getVersion(), Treatment.MITIGATE, 1, 2);
        var map = service.heatMap(system, Category.SECURITY);
        assertThat(map.inherentAt(4, 5)).isEqualTo(2);
        assertThat(map.residualAt(1, 2)).isEqualTo(1);
        assertThat(service.heatMap(system, Category.PRIVACY).inherentAt(4, 5)).isZero();
    }

    /** An identified and assessed risk on a new system. */
    private Risk assessed(String owner) {
        Risk risk =
                service.identify(promptInjection("Risk " + System.nanoTime(), system("someone-else"), owner, Set.of()));
        return service.assess(risk.getId(), risk.getVersion(), 4, 5);
    }

    private long system(String owner) {
        return systems.register(diagnosisAssistant("System " + System.nanoTime(), owner))
                .getId();
    }

    @Test
    void a_threat_named_by_any_risk_of_the_system_is_no_longer_uncovered() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        long system = systems.register(diagnosisAssistant("Covered " + System.nanoTime(), "owner"))
                .getId();
        long other = systems.register(diagnosisAssistant("Other " + System.nanoTime(), "owner"))
                .getId();
        long injection = catalog.find("MITRE-ATLAS", "AML.T0051").orElseThrow().id();
        assertThat(service.uncoveredThreats(system))
                .extracting(t -> t.threat().id())
                .contains(injection);

        service.identify(promptInjection("Covers it " + System.nanoTime(), system, null, Set.of(injection)));

        assertThat(service.uncoveredThreats(system))
                .extracting(t -> t.threat().id())
                .doesNotContain(injection);
        assertThat(service.uncoveredThreats(other))
                .as("another system's risk covers nothing here")
                .extracting(t -> t.threat().id())
                .contains(injection);
    }

    @Test
    void
            open_high_risks_are_those_whose_current_score_is_high_worst_first_leaving_out_treated_closed_and_accepted_ones() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        long system = systems.register(diagnosisAssistant("High " + System.nanoTime(), "owner"))
                .getId();
        Risk twenty = service.identify(scored("Twenty", system, 4, 5));
        Risk twentyFive = service.identify(scored("Twenty-five", system, 5, 5));
        Risk low = service.identify(scored("Low", system, 2, 3));
        Risk treated = service.identify(scored("Treated", system, 4, 5));
        treated = service.assess(treated.getId(), treated.getVersion(), 2, 3); // residual 6: no longer high
        Risk accepted = service.identify(scored("Accepted", system, 5, 5));
        accepted = service.assess(accepted.getId(), accepted.getVersion(), 5, 5);
        TestAccounts.signIn(accounts.create("approver", Role.GOVERNANCE_OFFICER));
        service.accept(
                accepted.getId(),
                accepted.getVersion(),
                "Board decision",
                LocalDate.now().plusMonths(1));

        List<Long> shown = service.openHighRisks(1000).stream().map(Risk::getId).toList();
        assertThat(shown)
                .contains(twenty.getId(), twentyFive.getId())
                .doesNotContain(low.getId(), accepted.getId(), treated.getId());
        assertThat(shown.indexOf(twentyFive.getId())).isLessThan(shown.indexOf(twenty.getId()));
    }

    @Test
    void a_risk_names_who_saved_it_last_and_only_owners_of_a_system_raise_its_risks() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(officer);
        long mine = systems.register(diagnosisAssistant("Owned " + System.nanoTime(), owner.username()))
                .getId();
        long theirs = systems.register(diagnosisAssistant("Not owned " + System.nanoTime(), "someone"))
                .getId();
        Risk risk = service.identify(scored("Saved by", mine, 2, 2));
        assertThat(risk.getUpdatedBy()).isEqualTo(officer.username());

        TestAccounts.signIn(owner);
        assertThat(service.mayRaiseFor(mine)).isTrue();
        assertThat(service.mayRaiseFor(theirs)).isFalse();
        Risk changed = service.update(risk.getId(), risk.getVersion(), retitled(risk.details(), "Saved by the owner"));
        assertThat(changed.getUpdatedBy()).isEqualTo(owner.username());
    }

    private static RiskDetails scored(String title, long system, int likelihood, int impact) {
        return new RiskDetails(
                title + " " + System.nanoTime(),
                null,
                Category.SAFETY,
                Set.of(system),
                Set.of(),
                Set.of(),
                likelihood,
                impact,
                "someone",
                null);
    }
}
