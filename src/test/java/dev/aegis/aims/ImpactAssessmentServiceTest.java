package dev.aegis.aims;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.aims.ImpactAssessmentService.Details;
import dev.aegis.aims.ImpactAssessmentService.Impact;
import dev.aegis.aims.ImpactAssessmentService.ImpactAssessmentView;
import dev.aegis.aims.ImpactVocabulary.Affected;
import dev.aegis.aims.ImpactVocabulary.Stage;
import dev.aegis.control.CoverageService;
import dev.aegis.control.CoverageService.RequirementCoverage;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.tabular.TabularFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class ImpactAssessmentServiceTest {

    @Autowired
    ImpactAssessmentService assessments;

    @Autowired
    AiSystemService systems;

    @Autowired
    RiskService risks;

    @Autowired
    CoverageService coverage;

    @Autowired
    TestAccounts accounts;

    AegisUser author;
    AegisUser approver;
    long system;

    @BeforeEach
    void aSystemToAssess() {
        author = accounts.create("ia-author", Role.GOVERNANCE_OFFICER);
        approver = accounts.create("ia-approver", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(author);
        system = systems.register(diagnosisAssistant("Assessed system " + System.nanoTime(), "owner"))
                .getId();
    }

    Details details(List<Impact> impacts) {
        return new Details(
                "Suggests diagnoses to physicians",
                "Suggestions accepted unread",
                "Patients, physicians",
                impacts,
                "A physician confirms every suggestion",
                "Low",
                LocalDate.now().plusMonths(6),
                null);
    }

    Risk risk(String title) {
        return risks.identify(
                new RiskDetails(title, null, Category.SAFETY, Set.of(system), Set.of(), Set.of(), 4, 4, null, null));
    }

    @Test
    void a_draft_is_approved_by_someone_else_and_the_next_version_supersedes_it() {
        ImpactAssessmentView a = assessments.start(system, author.getUsername(), 10, details(List.of()));
        assertThat(a.reference()).matches("IA-\\d{3}");
        assertThat(a.latest().stage()).isEqualTo(Stage.DRAFT);
        assertThat(a.inForce()).isEmpty();

        assertThatThrownBy(() -> assessments.approve(a.id(), a.version(), LocalDate.now()))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("someone else must approve it (four-eyes rule)")
                .extracting("field")
                .isEqualTo("approver");
        assertThatThrownBy(() -> assessments.start(system, author.getUsername(), 10, details(List.of())))
                .as("one assessment per AI system")
                .hasMessageContaining(a.reference() + " assesses");

        TestAccounts.signIn(approver);
        ImpactAssessmentView approved = assessments.approve(a.id(), a.version(), LocalDate.now());
        assertThat(approved.inForce()).hasValueSatisfying(v -> {
            assertThat(v.number()).isEqualTo(1);
            assertThat(v.approvedBy()).isEqualTo(approver.getUsername());
        });
        assertThat(approved.version()).isGreaterThan(a.version());
        assertThatThrownBy(() -> assessments.change(
                        approved.id(), approved.version(), author.getUsername(), 10, details(List.of())))
                .as("an approved version stays as it is")
                .hasMessageContaining("has no draft: start a new version");

        // the approver revises it, so the author may approve version 2
        ImpactAssessmentView revised = assessments.revise(approved.id(), approved.version());
        assertThat(revised.latest().number()).isEqualTo(2);
        assertThat(revised.latest().intendedUse()).isEqualTo("Suggests diagnoses to physicians");
        TestAccounts.signIn(author);
        ImpactAssessmentView second = assessments.approve(revised.id(), revised.version(), LocalDate.now());
        assertThat(second.versions())
                .extracting(v -> v.number() + " " + v.stage())
                .containsExactly("2 APPROVED", "1 SUPERSEDED");
    }

    @Test
    void a_stale_copy_is_refused() {
        ImpactAssessmentView a = assessments.start(system, author.getUsername(), 10, details(List.of()));
        assessments.change(a.id(), a.version(), author.getUsername(), 12, details(List.of()));
        assertThatThrownBy(() -> assessments.change(a.id(), a.version(), author.getUsername(), 10, details(List.of())))
                .isInstanceOf(OptimisticLockingFailureException.class)
                .hasMessageContaining("This impact assessment was changed by someone else meanwhile");
    }

    @Test
    void a_high_impact_without_a_linked_risk_is_flagged_and_a_linked_one_is_not() {
        Risk wrong = risk("Wrong suggestion " + System.nanoTime());
        ImpactAssessmentView a = assessments.start(
                system,
                author.getUsername(),
                10,
                details(List.of(
                        new Impact(Affected.INDIVIDUALS, "Delayed treatment", 3, 5, Set.of(wrong.getId())),
                        new Impact(Affected.GROUPS, "Longer waits for other languages", 3, 4, Set.of()),
                        new Impact(Affected.SOCIETY, "Eroded practice", 2, 3, Set.of()))));
        var v = a.latest();
        assertThat(v.impacts())
                .extracting(i -> i.score() + " " + i.level() + " " + i.flagged())
                .containsExactly("15 Critical false", "12 High true", "6 Medium false");
        assertThat(v.impacts().getFirst().risks().getFirst().title()).startsWith("Wrong suggestion");
        assertThat(v.unlinkedHighImpacts()).isEqualTo(1);
        assertThat(v.flag()).startsWith("1 high impact names no risk");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assessments.export(TabularFormat.CSV, out);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("High impacts without a risk")
                .contains(a.reference());

        assertThatThrownBy(() -> assessments.change(
                        a.id(),
                        a.version(),
                        author.getUsername(),
                        10,
                        details(List.of(new Impact(Affected.GROUPS, "X", 3, 4, Set.of(987_654_321L))))))
                .as("only the system's own risks")
                .hasMessageContaining("Impact 1: there is no risk 987654321 on this AI system")
                .extracting("field")
                .isEqualTo("impacts");
        assertThatThrownBy(() -> assessments.change(
                        a.id(),
                        a.version(),
                        author.getUsername(),
                        10,
                        details(List.of(new Impact(Affected.GROUPS, "X", 6, 4, Set.of())))))
                .hasMessageContaining("Impact 1: give its likelihood from 1 (rare) to 5 (almost certain)");
    }

    @Test
    void bad_input_is_refused_at_its_field_and_auditors_only_read_and_export() {
        Details noMisuse = new Details(
                "Use",
                " ",
                "People",
                List.of(),
                "Measures",
                "Low",
                LocalDate.now().plusDays(1),
                null);
        assertThatThrownBy(() -> assessments.start(system, author.getUsername(), 10, noMisuse))
                .extracting("field")
                .isEqualTo("misuse");
        assertThatThrownBy(() -> assessments.start(987_654_321L, author.getUsername(), 10, details(List.of())))
                .extracting("field")
                .isEqualTo("system");
        assertThatThrownBy(() -> assessments.start(system, "nobody-" + System.nanoTime(), 10, details(List.of())))
                .extracting("field")
                .isEqualTo("owner");
        ImpactAssessmentView a = assessments.start(system, author.getUsername(), 10, details(List.of()));

        TestAccounts.signIn(accounts.create("ia-auditor", Role.AUDITOR));
        assertThat(assessments.get(a.id()).reference()).isEqualTo(a.reference());
        assertThatThrownBy(() -> assessments.approve(a.id(), a.version(), LocalDate.now()))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> assessments.revise(a.id(), a.version()))
                .isInstanceOf(AuthorizationDeniedException.class);
        assessments.export(TabularFormat.XLSX, new ByteArrayOutputStream());
        TestAccounts.signIn(accounts.create("ia-owner", Role.SYSTEM_OWNER));
        assertThatThrownBy(() -> assessments.list()).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void an_approved_assessment_meets_6_1_4_8_4_and_annex_a_5_in_coverage() {
        ImpactAssessmentView a = assessments.start(
                system,
                author.getUsername(),
                10,
                details(List.of(new Impact(Affected.SOCIETY, "Eroded practice", 2, 3, Set.of()))));
        Instant before = Instant.now();
        TestAccounts.signIn(approver);
        assessments.approve(a.id(), a.version(), LocalDate.now());
        Instant after = Instant.now();
        for (String clause : List.of("6.1.4", "8.4", "A.5.2", "A.5.5")) {
            assertThat(clause(clause, after).recordsSentence()).as(clause).contains(a.reference() + " version 1");
            assertThat(clause(clause, before).recordsSentence()).as(clause).doesNotContain(a.reference() + " ");
        }
    }

    RequirementCoverage clause(String refId, Instant at) {
        TestAccounts.signIn(accounts.create("ia-reader", Role.AUDITOR));
        return coverage.scope(AimsCoverage.ISO, List.of(), Map.of(), List.of(), at).requirements().stream()
                .filter(r -> r.requirement().refId().equals(refId))
                .findFirst()
                .orElseThrow();
    }
}
