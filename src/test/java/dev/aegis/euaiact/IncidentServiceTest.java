package dev.aegis.euaiact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.euaiact.IncidentDeadlines.Kind;
import dev.aegis.euaiact.IncidentDeadlines.Standing;
import dev.aegis.euaiact.IncidentService.Details;
import dev.aegis.euaiact.IncidentService.FollowUp;
import dev.aegis.euaiact.IncidentService.Report;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.notification.Notifications;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.tabular.TabularFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

@AegisTest
class IncidentServiceTest {

    @Autowired
    IncidentService incidents;

    @Autowired
    AiSystemService systems;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    AegisUser officer;
    AegisUser auditor;
    AiSystem system;

    @BeforeEach
    void signInAsOfficer() {
        officer = accounts.create("incident-officer", Role.GOVERNANCE_OFFICER);
        auditor = accounts.create("incident-auditor", Role.AUDITOR);
        AegisUser owner = accounts.create("incident-owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(officer);
        system = systems.register(
                AiSystemFixtures.diagnosisAssistant("Incidents " + System.nanoTime(), owner.username()));
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    static LocalDateTime daysAgo(long days, ZoneId zone) {
        return LocalDateTime.now(zone).minusDays(days).truncatedTo(ChronoUnit.MINUTES);
    }

    static Details harm(long daysAgo) {
        return new Details(
                "Wrong triage of a patient",
                "The assistant sorted an urgent message as routine; treatment was delayed.",
                Kind.SERIOUS_HARM_TO_HEALTH,
                false,
                null,
                daysAgo(daysAgo, ZoneId.of("Europe/Berlin")),
                "Europe/Berlin");
    }

    @Test
    void an_incident_gets_the_next_reference_and_its_deadline_fifteen_days_after_awareness_in_its_zone() {
        Incident i = incidents.raise(system.getId(), harm(1));

        assertThat(i.getReference()).matches("INC-\\d{3}");
        assertThat(i.getDeadline())
                .isEqualTo(i.getAwareAt()
                        .atZone(ZoneId.of("Europe/Berlin"))
                        .plusDays(15)
                        .toInstant());
        assertThat(incidents.get(i.getId()).standing()).isEqualTo(Standing.ON_TIME);
        assertThat(incidents.get(i.getId()).countdown()).endsWith("left");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_type = 'Incident' and object_id = ?"
                                + " and action = 'INCIDENT_RAISED'",
                        Long.class,
                        String.valueOf(i.getId())))
                .isEqualTo(1);
    }

    @Test
    void an_incident_fourteen_days_old_is_due_soon_and_one_sixteen_days_old_overdue_on_the_dashboard_list() {
        Incident soon = incidents.raise(system.getId(), harm(14));
        Incident late = incidents.raise(system.getId(), harm(16));
        Incident later = incidents.raise(system.getId(), harm(2));

        assertThat(incidents.get(soon.getId()).standing()).isEqualTo(Standing.DUE_SOON);
        assertThat(incidents.get(late.getId()).standing()).isEqualTo(Standing.OVERDUE);
        assertThat(incidents.get(late.getId()).countdown()).startsWith("overdue by 1 day");
        assertThat(incidents.due())
                .extracting(r -> r.incident().getId())
                .contains(late.getId(), soon.getId())
                .doesNotContain(later.getId());
    }

    @Test
    void officers_are_reminded_once_per_milestone_of_the_deadline_as_the_system_actor_and_the_milestones_are_kept() {
        Incident late = incidents.raise(system.getId(), harm(20));
        Incident tomorrow = incidents.raise(system.getId(), harm(14));
        Incident inFive = incidents.raise(system.getId(), harm(11));
        Incident farOff = incidents.raise(system.getId(), harm(2));
        TestAccounts.signOut();

        remind();
        remind(); // the hourly round again: nothing new reached, nothing sent again

        assertThat(remindersTo(officer, "Overdue: report of incident " + late.getReference() + " (%"))
                .isEqualTo(1);
        assertThat(remindersTo(officer, "Report due: incident " + tomorrow.getReference() + " (%"))
                .isEqualTo(1);
        assertThat(remindersTo(officer, "Report due: incident " + inFive.getReference() + " (%"))
                .isEqualTo(1);
        assertThat(remindersTo(officer, "%incident " + farOff.getReference() + " (%"))
                .isZero();
        TestAccounts.signIn(auditor);
        assertThat(incidents.remindersSent(late.getId())).containsExactly(IncidentService.Milestone.OVERDUE);
        assertThat(incidents.remindersSent(tomorrow.getId())).containsExactly(IncidentService.Milestone.ONE_DAY_BEFORE);
        assertThat(incidents.remindersSent(inFive.getId())).containsExactly(IncidentService.Milestone.FIVE_DAYS_BEFORE);
        assertThat(incidents.remindersSent(farOff.getId())).isEmpty();
    }

    @Test
    void a_milestone_is_the_latest_one_reached_five_days_one_day_before_or_overdue() {
        java.time.Instant deadline = java.time.Instant.parse("2026-12-20T10:00:00Z");
        assertThat(IncidentService.Milestone.reached(deadline, deadline.minus(6, ChronoUnit.DAYS)))
                .isEmpty();
        assertThat(IncidentService.Milestone.reached(deadline, deadline.minus(5, ChronoUnit.DAYS)))
                .contains(IncidentService.Milestone.FIVE_DAYS_BEFORE);
        assertThat(IncidentService.Milestone.reached(deadline, deadline.minus(23, ChronoUnit.HOURS)))
                .contains(IncidentService.Milestone.ONE_DAY_BEFORE);
        assertThat(IncidentService.Milestone.reached(deadline, deadline)).contains(IncidentService.Milestone.OVERDUE);
    }

    private void remind() {
        AtomicInteger sent = new AtomicInteger();
        Actors.runAsSystem(
                Set.of(IncidentService.SYSTEM_REMIND, Notifications.SYSTEM_SEND),
                () -> sent.set(incidents.remindDue()));
    }

    private long remindersTo(AegisUser who, String subjectLike) {
        return jdbc.queryForObject(
                "select count(*) from notification.notification where recipient = ? and topic = 'euaiact.incident'"
                        + " and subject like ?",
                Long.class,
                who.username(),
                subjectLike);
    }

    @Test
    void a_death_is_due_in_ten_days_and_a_widespread_infringement_in_two() {
        Details death =
                new Details("Death", "A patient died.", Kind.DEATH, false, null, daysAgo(0, ZoneOffset.UTC), null);
        Details rights = new Details(
                "Discrimination across Member States",
                "Refusals concentrated on one group in several countries.",
                Kind.FUNDAMENTAL_RIGHTS,
                true,
                null,
                daysAgo(0, ZoneOffset.UTC),
                "UTC");
        Incident d = incidents.raise(system.getId(), death);
        Incident r = incidents.raise(system.getId(), rights);

        assertThat(d.getDeadline()).isEqualTo(d.getAwareAt().plus(10, ChronoUnit.DAYS));
        assertThat(r.getDeadline()).isEqualTo(r.getAwareAt().plus(2, ChronoUnit.DAYS));
        assertThat(incidents.get(r.getId()).standing()).isEqualTo(Standing.DUE_SOON);
    }

    @Test
    void an_initial_report_may_be_incomplete_but_closure_waits_for_the_complete_report_and_the_investigation() {
        Incident i = incidents.raise(system.getId(), harm(3));
        LocalDateTime now = daysAgo(0, ZoneId.of("Europe/Berlin"));
        i = incidents.report(
                i.getId(), i.getVersion(), new Report("Bundesnetzagentur", now, false, "Initial, cause open"));
        assertThat(incidents.get(i.getId()).standing()).isEqualTo(Standing.REPORTED);

        long v = i.getVersion();
        long id = i.getId();
        assertThatThrownBy(() -> incidents.close(id, v, "done"))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("reported only initially");

        i = incidents.report(id, v, new Report("Bundesnetzagentur", now, true, "Complete"));
        long v2 = i.getVersion();
        assertThatThrownBy(() -> incidents.close(id, v2, "done"))
                .isInstanceOf(DomainRuleException.class)
                .extracting(e -> ((DomainRuleException) e).field())
                .isEqualTo("investigation");

        i = incidents.followUp(id, v2, new FollowUp("Threshold too lax for urgent words", "Retrained; threshold set"));
        i = incidents.close(id, i.getVersion(), "Corrective action verified");
        assertThat(i.getStatus()).isEqualTo(Incident.Status.CLOSED);
        assertThat(i.getClosedBy()).isEqualTo(officer.username());
    }

    @Test
    void a_report_before_awareness_or_by_no_named_authority_is_refused_naming_the_field() {
        Incident i = incidents.raise(system.getId(), harm(3));
        long id = i.getId();
        long v = i.getVersion();
        assertThatThrownBy(() -> incidents.report(id, v, new Report(" ", LocalDateTime.now(), true, null)))
                .extracting(e -> ((DomainRuleException) e).field())
                .isEqualTo("authority");
        assertThatThrownBy(() ->
                        incidents.report(id, v, new Report("MSA", daysAgo(10, ZoneId.of("Europe/Berlin")), true, null)))
                .extracting(e -> ((DomainRuleException) e).field())
                .isEqualTo("reportedAt");
        assertThatThrownBy(() -> incidents.report(id, v + 5, new Report("MSA", LocalDateTime.now(), true, null)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
    }

    @Test
    void awareness_in_the_future_or_an_unknown_zone_is_refused_naming_the_field() {
        Details future = new Details(
                "x",
                "y",
                Kind.DEATH,
                false,
                null,
                LocalDateTime.now(ZoneOffset.UTC).plusDays(2),
                "UTC");
        assertThatThrownBy(() -> incidents.raise(system.getId(), future))
                .extracting(e -> ((DomainRuleException) e).field())
                .isEqualTo("awareAt");
        Details zone = new Details("x", "y", Kind.DEATH, false, null, daysAgo(1, ZoneOffset.UTC), "Mars/Olympus");
        assertThatThrownBy(() -> incidents.raise(system.getId(), zone))
                .extracting(e -> ((DomainRuleException) e).field())
                .isEqualTo("zone");
    }

    @Test
    void auditors_read_and_export_the_register_but_record_nothing() throws Exception {
        Incident i = incidents.raise(system.getId(), harm(1));
        TestAccounts.signIn(auditor);

        assertThat(incidents.ofSystem(system.getId()))
                .extracting(r -> r.incident().getId())
                .contains(i.getId());
        assertThatThrownBy(() -> incidents.raise(system.getId(), harm(1))).isInstanceOf(AccessDeniedException.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long before = jdbc.queryForObject(
                "select count(*) from audit.audit_entry where object_type = 'EuAiActRegister' and action = 'EXPORT'",
                Long.class);
        incidents.export(TabularFormat.CSV, out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv)
                .contains("Reference,AI system,Title,Kind")
                .contains(i.getReference())
                .contains("Serious harm to a person's health");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_type = 'EuAiActRegister' and action = 'EXPORT'",
                        Long.class))
                .isEqualTo(before + 1);
    }

    @Test
    void an_incident_that_is_not_serious_has_no_deadline_and_is_never_reported() {
        Incident i = incidents.raise(
                system.getId(),
                new Details(
                        "Odd answers",
                        "Some odd answers",
                        Kind.NOT_SERIOUS,
                        false,
                        null,
                        daysAgo(30, ZoneOffset.UTC),
                        null));
        assertThat(i.getDeadline()).isNull();
        assertThat(incidents.get(i.getId()).standing()).isEqualTo(Standing.NOT_REPORTABLE);
        assertThatThrownBy(() ->
                        incidents.report(i.getId(), i.getVersion(), new Report("MSA", LocalDateTime.now(), true, null)))
                .extracting(e -> ((DomainRuleException) e).field())
                .isEqualTo("kind");
        Incident f = incidents.followUp(i.getId(), i.getVersion(), new FollowUp("Prompt drift", null));
        assertThat(incidents.close(f.getId(), f.getVersion(), null).getStatus()).isEqualTo(Incident.Status.CLOSED);
    }
}
