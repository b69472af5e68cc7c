package dev.aegis.euaiact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.euaiact.EuAiActDocuments.Period;
import dev.aegis.euaiact.EuAiActDocuments.PlanEvaluation;
import dev.aegis.euaiact.EuAiActDocuments.TestLine;
import dev.aegis.euaiact.IncidentDeadlines.Kind;
import dev.aegis.euaiact.IncidentService.Details;
import dev.aegis.euaiact.IncidentService.Report;
import dev.aegis.euaiact.MonitoringPlan.Cadence;
import dev.aegis.finding.TelemetryFixtures;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.telemetry.TelemetryEvents.Outcome;
import dev.aegis.telemetry.TelemetryResults;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class EuAiActDocumentsTest {

    @Autowired
    EuAiActDocuments documents;

    @Autowired
    FriaService frias;

    @Autowired
    IncidentService incidents;

    @Autowired
    MonitoringPlanService plans;

    @Autowired
    ClassificationService classifications;

    @Autowired
    AiSystemService systems;

    @Autowired
    TelemetryFixtures breaches;

    @Autowired
    TelemetryResults telemetry;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_fria_pdf_holds_the_six_parts_of_article_27_its_approver_and_the_notified_authority() throws Exception {
        AegisUser officer = accounts.create("fria-pdf-officer", Role.GOVERNANCE_OFFICER);
        AegisUser second = accounts.create("fria-pdf-second", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = systems.register(
                AiSystemFixtures.diagnosisAssistant("FRIA PDF " + System.nanoTime(), officer.username()));
        classifications.submit(system.getId(), FriaAndMonitoringPlanTest.CREDIT_SCORING_DEPLOYER);
        Fria v1 = frias.draft(system.getId(), FriaAndMonitoringPlanTest.CONTENT);
        TestAccounts.signIn(second);
        Fria approved = frias.approve(v1.getId(), v1.getVersion());
        frias.notified(approved.getId(), approved.getVersion(), "BaFin", LocalDate.now(ZoneOffset.UTC));

        String text = pdf("fria", out -> documents.friaPdf(v1.getId(), out));

        assertThat(text)
                .contains("Fundamental rights impact assessment (Art. 27)")
                .contains("(a) The deployer's processes the system is used in")
                .contains("Consumer loan applications")
                .contains("(b) Period and frequency of use")
                .contains("(c) Categories of people and groups affected")
                .contains("(d) Specific risks of harm to them")
                .contains("Unjustified refusals of credit")
                .contains("(e) Human oversight measures")
                .contains("(f) Measures when the risks materialise")
                .contains("Version 1")
                .contains("fria-pdf-second")
                .contains("BaFin, on " + LocalDate.now(ZoneOffset.UTC));
        assertThat(exports(system.getId())).isEqualTo(1);
    }

    @Test
    void the_incident_report_pdf_holds_the_facts_of_article_73_the_deadline_and_the_report_sent() throws Exception {
        AegisUser officer = accounts.create("incident-pdf-officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = systems.register(
                AiSystemFixtures.diagnosisAssistant("Incident PDF " + System.nanoTime(), officer.username()));
        Incident i = incidents.raise(
                system.getId(),
                new Details(
                        "Wrong triage of a patient",
                        "The assistant sorted an urgent message as routine; treatment was delayed.",
                        Kind.SERIOUS_HARM_TO_HEALTH,
                        false,
                        LocalDate.of(2026, 11, 30),
                        LocalDateTime.of(2026, 12, 1, 9, 30),
                        "Europe/Berlin"));
        incidents.report(
                i.getId(),
                i.getVersion(),
                new Report("Landesamt für Gesundheit", LocalDateTime.of(2026, 12, 3, 16, 0), false, "Initial"));

        String text = pdf("incident", out -> documents.incidentPdf(i.getId(), out));

        assertThat(text)
                .contains("Serious incident report (Art. 73)")
                .contains(i.getReference())
                .contains("Wrong triage of a patient")
                .contains("2026-11-30")
                .contains("2026-12-01 09:30 Europe/Berlin")
                .contains("Report due by 2026-12-16 09:30 Europe/Berlin")
                .contains("Landesamt für Gesundheit")
                .contains("2026-12-03 16:00 Europe/Berlin (initial, incomplete report, Art. 73(5))")
                .contains("Investigation Not yet recorded.");
        assertThat(exports(system.getId())).isEqualTo(1);
    }

    @Test
    void the_periodic_evaluation_counts_the_plans_test_runs_findings_and_incidents_of_the_period_only()
            throws Exception {
        Instant now = Instant.now();
        var breach = breaches.breached("Evaluation", now.minus(Duration.ofDays(10)));
        AegisUser officer = accounts.create("evaluation-officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        long system = breach.systemId();
        plans.write(
                system,
                null,
                new MonitoringPlanService.Content(
                        "Drift of the triage inputs",
                        null,
                        Cadence.MONTHLY,
                        officer.username(),
                        "PSI per feature against 0.2",
                        "Open a finding per breach and retrain within a month"));
        var psi = telemetry.psiTest(system, breach.controlId(), 0.2);
        telemetry.record(psi, Outcome.FAILED, 0.31, now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(5)));
        telemetry.record(psi, Outcome.PASSED, 0.12, now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(4)));
        telemetry.record(psi, Outcome.PASSED, 0.05, now.minus(Duration.ofDays(45)), now.minus(Duration.ofDays(45)));
        Incident incident = incidents.raise(
                system,
                new Details(
                        "Drifted triage",
                        "Urgent messages ranked low for a day",
                        Kind.NOT_SERIOUS,
                        false,
                        null,
                        LocalDateTime.now(ZoneOffset.UTC).minusDays(3).truncatedTo(ChronoUnit.MINUTES),
                        "UTC"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Period month = new Period(today.minusDays(30), today);

        PlanEvaluation e = documents.evaluation(system, month);

        TestLine line = e.tests().stream()
                .filter(t -> t.test().contains("PSI"))
                .findFirst()
                .orElseThrow();
        assertThat(line.runs()).isEqualTo(2);
        assertThat(line.passed()).isEqualTo(1);
        assertThat(line.failed()).isEqualTo(1);
        assertThat(e.findings()).extracting(EuAiActDocuments.FindingLine::title).anyMatch(t -> !t.isBlank());
        assertThat(e.incidents())
                .extracting(EuAiActDocuments.IncidentLine::reference)
                .containsExactly(incident.getReference());
        assertThat(e.conclusion())
                .startsWith("1 of 2 test runs failed")
                .contains("1 finding and 1 incident (0 serious)");

        PlanEvaluation earlier = documents.evaluation(system, new Period(today.minusDays(60), today.minusDays(31)));
        assertThat(earlier.tests()).extracting(TestLine::runs).containsExactly(1);
        assertThat(earlier.findings()).isEmpty();
        assertThat(earlier.incidents()).isEmpty();
        assertThat(earlier.conclusion()).startsWith("The one test run passed");

        String text = pdf("evaluation", out -> documents.evaluationPdf(system, month, out));
        assertThat(text)
                .contains("Post-market monitoring evaluation (Art. 72)")
                .contains(month.describe())
                .contains("1 of 2 test runs failed")
                .contains(incident.getReference() + " · Drifted triage");
        assertThat(exports(system)).isEqualTo(1);

        assertThatThrownBy(() -> documents.evaluation(system, new Period(today, today.minusDays(1))))
                .extracting(x -> ((DomainRuleException) x).field())
                .isEqualTo("to");
    }

    @Test
    void the_default_period_is_the_calendar_quarter_before_today() {
        assertThat(Period.quarterBefore(LocalDate.of(2026, 12, 6)))
                .isEqualTo(new Period(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)));
        assertThat(Period.quarterBefore(LocalDate.of(2027, 1, 1)))
                .isEqualTo(new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void the_annex_iv_documentation_is_refused_for_a_deployer_naming_the_role() {
        AegisUser officer = accounts.create("annex-deployer-officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = systems.register(
                AiSystemFixtures.diagnosisAssistant("Annex IV deployer " + System.nanoTime(), officer.username()));
        classifications.submit(system.getId(), FriaAndMonitoringPlanTest.CREDIT_SCORING_DEPLOYER);
        assertThatThrownBy(() -> documentation.pdf(system.getId(), new ByteArrayOutputStream()))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("deploys this system")
                .extracting(x -> ((DomainRuleException) x).field())
                .isEqualTo("role");
    }

    @Autowired
    TechnicalDocumentation documentation;

    private long exports(long systemId) {
        return jdbc.queryForObject(
                "select count(*) from audit.audit_entry where object_id = ? and action = 'EXPORT'",
                Long.class,
                String.valueOf(systemId));
    }

    private static String pdf(String name, java.util.function.Consumer<java.io.OutputStream> writer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.accept(out);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/" + name + "-sample.pdf"), out.toByteArray());
        try (var pdf = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }
}
