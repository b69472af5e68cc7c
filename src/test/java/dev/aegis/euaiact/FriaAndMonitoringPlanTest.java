package dev.aegis.euaiact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.euaiact.Answers.ActRole;
import dev.aegis.euaiact.Answers.Gpai;
import dev.aegis.euaiact.FriaService.Content;
import dev.aegis.euaiact.MonitoringPlan.Cadence;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@AegisTest
class FriaAndMonitoringPlanTest {

    @Autowired
    FriaService frias;

    @Autowired
    MonitoringPlanService plans;

    @Autowired
    ClassificationService classifications;

    @Autowired
    AiSystemService systems;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    AegisUser officer;
    AegisUser second;
    AegisUser auditor;
    AiSystem system;

    static final Answers CREDIT_SCORING_DEPLOYER = new Answers(
            true,
            Set.of(),
            false,
            Set.of("5(b)"),
            true,
            Set.of(),
            null,
            Set.of(),
            Gpai.NONE,
            Set.of(ActRole.DEPLOYER),
            false);

    static final Answers CV_SCREENING_PROVIDER = new Answers(
            true,
            Set.of(),
            false,
            Set.of("4(a)"),
            true,
            Set.of(),
            null,
            Set.of(),
            Gpai.NONE,
            Set.of(ActRole.PROVIDER),
            false);

    static final Content CONTENT = new Content(
            "Consumer loan applications, first assessment before a loan officer decides",
            "Every application, continuously from 2027-01 for at least three years",
            "Applicants; self-employed and young applicants in particular",
            "Unjustified refusals of credit; indirect discrimination by postcode",
            "A loan officer reviews every refusal before it is sent",
            "Complaints through the customer service form answered within 14 days; suspension by the credit committee",
            List.of());

    @BeforeEach
    void signIn() {
        officer = accounts.create("fria-officer", Role.GOVERNANCE_OFFICER);
        second = accounts.create("fria-second", Role.GOVERNANCE_OFFICER);
        auditor = accounts.create("fria-auditor", Role.AUDITOR);
        AegisUser owner = accounts.create("fria-owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(officer);
        system = systems.register(AiSystemFixtures.diagnosisAssistant("FRIA " + System.nanoTime(), owner.username()));
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_fria_is_due_only_when_the_classification_says_so() {
        assertThat(frias.standing(system.getId()).due()).isFalse();
        assertThat(frias.standing(system.getId()).status()).isEqualTo("Not required by the classification");

        classifications.submit(system.getId(), CREDIT_SCORING_DEPLOYER);

        assertThat(frias.standing(system.getId()).due()).isTrue();
        assertThat(frias.standing(system.getId()).status()).isEqualTo("Due before first use, not started");
    }

    @Test
    void a_fria_is_approved_by_someone_else_then_notified_and_a_new_version_starts_from_it() {
        classifications.submit(system.getId(), CREDIT_SCORING_DEPLOYER);
        Fria v1 = frias.draft(system.getId(), CONTENT);
        assertThat(v1.getNumber()).isEqualTo(1);

        assertThatThrownBy(() -> frias.notified(v1.getId(), v1.getVersion(), "BaFin", LocalDate.now()))
                .extracting(e -> ((DomainRuleException) e).field())
                .isEqualTo("status");
        assertThatThrownBy(() -> frias.approve(v1.getId(), v1.getVersion()))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("four eyes");

        TestAccounts.signIn(second);
        Fria approved = frias.approve(v1.getId(), v1.getVersion());
        Fria notified = frias.notified(approved.getId(), approved.getVersion(), "BaFin", LocalDate.now());
        assertThat(frias.standing(system.getId()).status())
                .contains("Version 1 approved by fria-second")
                .contains("BaFin notified on " + LocalDate.now());
        assertThatThrownBy(() -> frias.change(notified.getId(), notified.getVersion(), CONTENT))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("start a new version");

        Fria v2 = frias.draft(system.getId(), null);
        assertThat(v2.getNumber()).isEqualTo(2);
        assertThat(v2.getProcesses()).isEqualTo(CONTENT.processes());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_id = ? and action like 'EU_AI_ACT_FRIA_%'",
                        Long.class, String.valueOf(system.getId())))
                .isEqualTo(4);
    }

    @Test
    void a_fria_missing_a_part_of_article_27_is_refused_naming_it_and_auditors_only_read() {
        Content missing = new Content("p", "f", "c", "r", " ", "m", List.of());
        assertThatThrownBy(() -> frias.draft(system.getId(), missing))
                .extracting(e -> ((DomainRuleException) e).field())
                .isEqualTo("humanOversight");
        Content foreignRisk = new Content("p", "f", "c", "r", "o", "m", List.of(-5L));
        assertThatThrownBy(() -> frias.draft(system.getId(), foreignRisk))
                .extracting(e -> ((DomainRuleException) e).field())
                .isEqualTo("riskIds");
        TestAccounts.signIn(auditor);
        assertThat(frias.standing(system.getId()).versions()).isEmpty();
        assertThatThrownBy(() -> frias.draft(system.getId(), CONTENT)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_monitoring_plan_is_required_of_the_provider_of_a_high_risk_system_and_lists_its_live_sources() {
        assertThat(plans.view(system.getId()).required()).isFalse();
        classifications.submit(system.getId(), CV_SCREENING_PROVIDER);
        MonitoringPlanService.View view = plans.view(system.getId());
        assertThat(view.required()).isTrue();
        assertThat(view.plan()).isEmpty();
        assertThat(view.sources()).isEmpty();

        MonitoringPlanService.Content content = new MonitoringPlanService.Content(
                "Accuracy and fairness of rankings per group",
                "Complaints of applicants",
                Cadence.MONTHLY,
                officer.username(),
                "Against the accuracy declared in the instructions for use (Art. 15)",
                "A finding per breach; a serious incident is reported under Art. 73");
        assertThatThrownBy(() -> plans.write(
                        system.getId(),
                        null,
                        new MonitoringPlanService.Content("x", null, Cadence.MONTHLY, "nobody-known-here", "e", "a")))
                .extracting(e -> ((DomainRuleException) e).field())
                .isEqualTo("reviewer");
        MonitoringPlan plan = plans.write(system.getId(), null, content);
        assertThat(plans.view(system.getId()).plan()).isPresent();
        assertThat(plans.write(system.getId(), plan.getVersion(), content).getCadence())
                .isEqualTo(Cadence.MONTHLY);
    }
}
