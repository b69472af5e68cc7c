package dev.aegis.aims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.aims.CorrectionVocabulary.NcKind;
import dev.aegis.aims.ManagementReviewInput.ReviewSection;
import dev.aegis.aims.ManagementReviewService.Meeting;
import dev.aegis.aims.ManagementReviewService.ReviewView;
import dev.aegis.aims.NonconformityService.Details;
import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.CoverageService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class ManagementReviewServiceTest {

    static final String ISO = "ISO-IEC-42001-2023";

    @Autowired
    ManagementReviewService reviews;

    @Autowired
    ManagementReviews reviewRows;

    @Autowired
    NonconformityService ncs;

    @Autowired
    Nonconformities ncRows;

    @Autowired
    CoverageService coverage;

    @Autowired
    ObjectiveService objectives;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestAccounts accounts;

    AegisUser officer;
    AegisUser chair;

    @BeforeEach
    void people() {
        officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        chair = accounts.create("chair", Role.ADMIN);
    }

    @AfterEach
    void forget() {
        reviewRows.deleteAll();
        ncRows.deleteAll();
        TestAccounts.signOut();
    }

    @Test
    void inputs_are_assembled_as_of_the_meeting_date_and_a_later_record_is_no_input() {
        TestAccounts.signIn(officer);
        var before = ncs.raise(new Details(
                NcKind.NONCONFORMITY, "Old gap in training records", "Found last month", officer.getUsername()));
        // raised ten days ago
        jdbc.update(
                "update aims.nonconformity set raised_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(10))),
                before.id());
        ncs.raise(new Details(NcKind.NONCONFORMITY, "Fresh gap in model cards", "Found today", officer.getUsername()));

        LocalDate fiveDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(5);
        List<String> then = lines(reviews.inputsAsOf(fiveDaysAgo), "Nonconformities and corrective actions");
        assertThat(String.join("\n", then))
                .contains("Old gap in training records")
                .doesNotContain("Fresh gap in model cards");
        List<String> today =
                lines(reviews.inputsAsOf(LocalDate.now(ZoneOffset.UTC)), "Nonconformities and corrective actions");
        assertThat(String.join("\n", today))
                .contains("Old gap in training records")
                .contains("Fresh gap in model cards");
        assertThat(reviews.inputsAsOf(fiveDaysAgo))
                .extracting(ReviewSection::title)
                .contains(
                        "Status of actions from previous management reviews",
                        "Changes in external and internal issues",
                        "Monitoring and measurement results",
                        "Internal audit results",
                        "AI objectives",
                        "Risks and opportunities");
    }

    @Test
    void coverage_of_9_3_moves_from_gap_to_covered_when_a_review_is_held_and_the_minutes_pdf_reads_it()
            throws Exception {
        TestAccounts.signIn(officer);
        ReviewView r = reviews.plan(new Meeting(
                "Management review 2026",
                LocalDate.now(ZoneOffset.UTC),
                chair.getUsername(),
                List.of(officer.getUsername())));
        r = reviews.addOutput(r.id(), false, "Keep the AI policy as it is", null, null);
        r = reviews.addOutput(
                r.id(),
                true,
                "Plan next year's audit programme",
                officer.getUsername(),
                LocalDate.now().plusMonths(2));
        long id = r.id();
        long version = r.version();
        assertThatThrownBy(() -> reviews.addOutput(id, true, "No owner", null, LocalDate.now()))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("Choose who does the action");
        assertThat(clause("9.3.2", Instant.now())).isEqualTo(CoverageLevel.NOT_COVERED);

        TestAccounts.signIn(officer);
        Instant beforeHeld = Instant.now();
        r = reviews.hold(id, version, "The AIMS remains suitable, adequate and effective.");
        assertThat(r.held()).isTrue();
        assertThat(clause("9.3.2", Instant.now())).isEqualTo(CoverageLevel.COVERED);
        assertThat(clause("9.3.3", Instant.now())).isEqualTo(CoverageLevel.COVERED);
        assertThat(clause("9.3.1", beforeHeld)).isEqualTo(CoverageLevel.NOT_COVERED);

        TestAccounts.signIn(officer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reviews.minutesPdf(id, out);
        // kept for a look at the pages (pdftoppm)
        java.nio.file.Files.write(java.nio.file.Path.of("target", "management-review-minutes.pdf"), out.toByteArray());
        String text;
        try (var pdf = Loader.loadPDF(out.toByteArray())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text)
                .contains("Management review minutes " + r.reference())
                .contains("Inputs (as of " + LocalDate.now(ZoneOffset.UTC) + ")")
                .contains("Nonconformities and corrective actions")
                .contains("The AIMS remains suitable, adequate and effective.")
                .contains("Keep the AI policy as it is")
                .contains("Plan next year's audit programme");
    }

    @Test
    void the_objectives_in_force_at_the_meeting_are_an_input_with_their_newest_value_against_the_target() {
        TestAccounts.signIn(officer);
        String title = "Answer incidents within two days " + System.nanoTime();
        var o = objectives.set(new ObjectiveService.Details(
                title,
                null,
                officer.getUsername(),
                ObjectiveVocabulary.Indicator.MANUAL,
                "days",
                ObjectiveVocabulary.Direction.AT_MOST,
                2.0,
                null));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(String.join("\n", lines(reviews.inputsAsOf(today.minusDays(1)), "AI objectives")))
                .as("not yet set the day before")
                .doesNotContain(title);
        assertThat(String.join("\n", lines(reviews.inputsAsOf(today), "AI objectives")))
                .contains(o.reference() + " " + title + " (target ≤ 2 days): no value recorded yet.")
                .doesNotContain("keeps no objectives register");
        objectives.recordByHand(o.id(), today, 3.0, "Monthly report");
        assertThat(String.join("\n", lines(reviews.inputsAsOf(today), "AI objectives")))
                .contains(o.reference() + " " + title + " (target ≤ 2 days): 3 days on " + today + ", off target.");
        var now = objectives.get(o.id());
        objectives.retire(now.id(), now.version(), "Test over");
    }

    static List<String> lines(List<ReviewSection> sections, String title) {
        return sections.stream()
                .filter(s -> s.title().equals(title))
                .findFirst()
                .orElseThrow()
                .lines();
    }

    CoverageLevel clause(String refId, Instant at) {
        TestAccounts.signIn(accounts.create("reader", Role.AUDITOR));
        return coverage.scope(ISO, List.of(), Map.of(), List.of(), at).requirements().stream()
                .filter(r -> r.requirement().refId().equals(refId))
                .findFirst()
                .orElseThrow()
                .level();
    }
}
