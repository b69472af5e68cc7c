package dev.aegis.aims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.aims.AimsRoleService.Assignment;
import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.aims.AuditVocabulary.AuditStatus;
import dev.aegis.aims.AuditVocabulary.CheckResult;
import dev.aegis.aims.AuditVocabulary.FindingKind;
import dev.aegis.aims.InternalAuditService.AuditView;
import dev.aegis.aims.InternalAuditService.Plan;
import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.CoverageService;
import dev.aegis.control.CoverageService.RequirementCoverage;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class InternalAuditServiceTest {

    static final String ISO = "ISO-IEC-42001-2023";

    @Autowired
    InternalAuditService audits;

    @Autowired
    InternalAudits auditRows;

    @Autowired
    AimsRoleService roles;

    @Autowired
    AiSystemService systems;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    CoverageService coverage;

    @Autowired
    TestAccounts accounts;

    AegisUser officer;
    AegisUser auditor;

    @BeforeEach
    void people() {
        officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        auditor = accounts.create("auditor", Role.AUDITOR);
    }

    /** Every test leaves no audit behind, so the next one starts from a gap in 9.2. */
    @AfterEach
    void forgetAudits() {
        auditRows.deleteAll();
        TestAccounts.signOut();
    }

    Plan plan(String title, List<Long> systemIds, List<AimsRole> audited, String... auditors) {
        return new Plan(
                title,
                "The AI management system at head office, records of the last twelve months",
                systemIds,
                audited,
                List.of(auditors),
                LocalDate.now(),
                LocalDate.now().plusDays(1));
    }

    long requirement(String refId) {
        TestAccounts.signIn(officer);
        return catalog.find(ISO, refId).orElseThrow().id();
    }

    AuditView plannedWithCriteria(String title, String... refIds) {
        List<Long> ids = java.util.Arrays.stream(refIds).map(this::requirement).toList();
        TestAccounts.signIn(officer);
        AuditView a = audits.plan(plan(title, List.of(), List.of(), auditor.getUsername()));
        return audits.addCriteria(a.id(), a.version(), ids);
    }

    @Test
    void coverage_of_9_2_moves_from_gap_to_covered_when_an_audit_is_completed() {
        AuditView a = plannedWithCriteria("AIMS audit 2026", "5.2", "9.2.2");
        assertThat(a.checklist()).extracting(c -> c.refId()).containsExactly("5.2", "9.2.2");
        assertThat(clause("9.2.2", Instant.now()).level()).isEqualTo(CoverageLevel.NOT_COVERED);

        TestAccounts.signIn(auditor);
        a = audits.start(a.id(), a.version());
        assertThat(a.status()).isEqualTo(AuditStatus.IN_PROGRESS);
        a = audits.recordCheck(
                a.id(),
                a.checklist().get(0).id(),
                a.checklist().get(0).version(),
                CheckResult.CONFORMS,
                "Policy POL-001 published");
        long open = a.id();
        long version = a.version();
        assertThatThrownBy(() -> audits.complete(open, version, "Conforms"))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("9.2.2 has none yet");
        assertThat(clause("9.2.2", Instant.now()).level()).isEqualTo(CoverageLevel.NOT_COVERED);

        TestAccounts.signIn(auditor);
        a = audits.recordCheck(
                a.id(), a.checklist().get(1).id(), a.checklist().get(1).version(), CheckResult.NONCONFORMITY, null);
        Instant beforeCompletion = Instant.now();
        a = audits.complete(a.id(), a.version(), "The programme exists but misses the impact assessments.");
        assertThat(a.status()).isEqualTo(AuditStatus.COMPLETED);

        RequirementCoverage covered = clause("9.2.2", Instant.now());
        assertThat(covered.level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(covered.recordsSentence()).contains(a.reference()).contains("AIMS audit 2026");
        assertThat(clause("9.2.1", Instant.now()).level()).isEqualTo(CoverageLevel.COVERED);
        // as of a moment before the completion (an evidence pack of then), still a gap; a year on, a gap again
        assertThat(clause("9.2.2", beforeCompletion).level()).isEqualTo(CoverageLevel.NOT_COVERED);
        assertThat(clause("9.2.2", Instant.now().plus(java.time.Duration.ofDays(370)))
                        .level())
                .isEqualTo(CoverageLevel.NOT_COVERED);
    }

    @Test
    void an_auditor_who_owns_an_ai_system_in_scope_is_refused() {
        AegisUser owner = accounts.create("system-owner", Role.AUDITOR);
        TestAccounts.signIn(officer);
        long system = systems.register(AiSystemFixtures.diagnosisAssistant(
                        "Audit scope system " + System.nanoTime(), owner.getUsername()))
                .getId();
        assertThatThrownBy(() -> audits.plan(plan("System audit", List.of(system), List.of(), owner.getUsername())))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("owns the AI system")
                .hasMessageContaining("may not audit their own area")
                .extracting(e -> ((DomainRuleException) e).field())
                .isEqualTo("auditors");
        // someone else may audit it
        assertThat(audits.plan(plan("System audit", List.of(system), List.of(), auditor.getUsername()))
                        .auditors())
                .extracting(n -> n.key())
                .containsExactly(auditor.getUsername());
    }

    @Test
    void an_auditor_holding_an_audited_aims_role_is_refused() {
        TestAccounts.signIn(officer);
        roles.assign(new Assignment(
                AimsRole.AI_RISK_OWNER,
                auditor.getUsername(),
                null,
                LocalDate.now().minusDays(10),
                null));
        assertThatThrownBy(() -> audits.plan(
                        plan("Risk process audit", List.of(), List.of(AimsRole.AI_RISK_OWNER), auditor.getUsername())))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("holds the AIMS role \"AI risk owner\"");
        // the same auditor may audit an area that is not theirs
        assertThat(audits.plan(plan("Policy audit", List.of(), List.of(AimsRole.AIMS_MANAGER), auditor.getUsername()))
                        .status())
                .isEqualTo(AuditStatus.PLANNED);
    }

    @Test
    void only_the_audits_own_auditors_record_it_and_only_officers_plan() {
        AuditView a = plannedWithCriteria("Roles audit", "5.3");
        TestAccounts.signIn(accounts.create("another-auditor", Role.AUDITOR));
        assertThatThrownBy(() -> audits.start(a.id(), a.version()))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("Only the auditors of " + a.reference());
        assertThatThrownBy(() -> audits.plan(plan("Mine", List.of(), List.of(), auditor.getUsername())))
                .isInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(accounts.create("owner", Role.SYSTEM_OWNER));
        assertThatThrownBy(() -> audits.list()).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void the_audit_report_pdf_names_the_audit_its_criteria_and_findings() throws Exception {
        AuditView a = plannedWithCriteria("Annual AIMS audit", "5.2", "7.5.3");
        TestAccounts.signIn(auditor);
        a = audits.start(a.id(), a.version());
        for (var c : a.checklist()) {
            a = audits.recordCheck(a.id(), c.id(), c.version(), CheckResult.OBSERVATION, "Seen on site");
        }
        audits.raiseFinding(
                a.id(),
                a.checklist().get(1).id(),
                FindingKind.NONCONFORMITY,
                "Superseded policy versions are still on the intranet",
                "Intranet page checked 2026-12-01");
        a = audits.get(a.id());
        a = audits.complete(a.id(), a.version(), "One nonconformity in the control of documented information.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audits.report(a.id(), out);
        // kept for a look at the pages (pdftoppm)
        java.nio.file.Files.write(java.nio.file.Path.of("target", "internal-audit-report.pdf"), out.toByteArray());
        String text;
        try (var pdf = Loader.loadPDF(out.toByteArray())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text)
                .contains("Internal audit report " + a.reference())
                .contains("Annual AIMS audit")
                .contains("7.5.3 Control of documented information")
                .contains("Superseded policy versions are still on the intranet")
                .contains("1 nonconformity")
                .contains("One nonconformity in the control of documented information.");
    }

    RequirementCoverage clause(String refId, Instant at) {
        TestAccounts.signIn(accounts.create("reader", Role.AUDITOR));
        return coverage.scope(ISO, List.of(), Map.of(), List.of(), at).requirements().stream()
                .filter(r -> r.requirement().refId().equals(refId))
                .findFirst()
                .orElseThrow();
    }
}
