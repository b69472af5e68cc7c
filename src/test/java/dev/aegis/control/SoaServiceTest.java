package dev.aegis.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class SoaServiceTest {

    @Autowired
    SoaService soa;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    /** Decides every Annex A control (the statement is one per organisation, so tests share it). */
    List<SoaService.Line> decideAll() {
        for (SoaService.Line l : soa.current()) {
            boolean exclude = l.refId().equals("A.10.4");
            soa.decide(
                    l.requirementId(),
                    l.version(),
                    !exclude,
                    exclude ? "We serve no customers with AI" : "Needed for our AI systems");
        }
        return soa.current();
    }

    @Test
    void every_annex_a_control_is_listed_and_a_decision_needs_its_reason() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        List<SoaService.Line> lines = soa.current();
        assertThat(lines)
                .hasSizeGreaterThanOrEqualTo(38)
                .allSatisfy(l -> assertThat(l.refId()).startsWith("A."));
        SoaService.Line first = lines.getFirst();
        assertThatThrownBy(() -> soa.decide(first.requirementId(), first.version(), false, " "))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("reason for excluding");
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        assertThatThrownBy(() -> soa.decide(first.requirementId(), first.version(), true, "x"))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void an_issued_version_keeps_what_was_issued_and_cannot_change() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        List<SoaService.Line> lines = decideAll();
        SoaService.Issued issued = soa.issue("Management review");
        assertThat(issued.lines()).hasSize(lines.size());
        assertThat(issued.approvedBy()).startsWith("officer");

        SoaService.Line a = lines.getFirst();
        soa.decide(a.requirementId(), soa.current().getFirst().version(), false, "Changed our mind later");
        SoaService.Issued again = soa.version(issued.number());
        assertThat(again.lines().getFirst().applicable()).isEqualTo(a.applicable());
        assertThat(again.lines().getFirst().justification()).isEqualTo(a.justification());

        assertThatThrownBy(() -> jdbc.update(
                        "update control.soa_version set approved_by = 'mallory' where number = ?", issued.number()))
                .hasMessageContaining("cannot change");
        assertThatThrownBy(() -> jdbc.update("delete from control.soa_version where number = ?", issued.number()))
                .hasMessageContaining("cannot change");
        assertThat(jdbc.queryForList(
                        "select action from audit.audit_entry where object_type = "
                                + "'StatementOfApplicability' and object_id = ?",
                        String.class,
                        String.valueOf(issued.number())))
                .contains("ISSUE");
    }

    @Test
    void the_pdf_and_csv_hold_every_annex_a_control() throws Exception {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        List<SoaService.Line> lines = decideAll();
        int number = soa.issue(null).number();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        soa.pdf(number, pdf);
        String text;
        try (var document = Loader.loadPDF(pdf.toByteArray())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Statement of Applicability", "Version " + number, "We serve no customers with AI");
        for (SoaService.Line l : lines) {
            assertThat(text).contains(l.refId());
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        soa.csv(null, csv);
        String content = csv.toString(StandardCharsets.UTF_8);
        for (SoaService.Line l : lines) {
            assertThat(content).contains(l.refId() + ",");
        }
    }
}
