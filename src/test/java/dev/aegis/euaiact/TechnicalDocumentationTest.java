package dev.aegis.euaiact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.euaiact.Answers.ActRole;
import dev.aegis.euaiact.Answers.Gpai;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.reports.DocRow;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class TechnicalDocumentationTest {

    @Autowired
    TechnicalDocumentation documentation;

    @Autowired
    ClassificationService classifications;

    @Autowired
    AiSystemService systems;

    @Autowired
    RiskService risks;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_annex_iv_pdf_fills_its_nine_points_from_the_register_and_says_what_is_not_yet_recorded() throws Exception {
        AegisUser officer = accounts.create("annex-officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = systems.register(
                AiSystemFixtures.diagnosisAssistant("Annex IV " + System.nanoTime(), officer.username()));
        classifications.submit(
                system.getId(),
                new Answers(
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
                        false));
        risks.identify(new RiskDetails(
                "Ranking penalises career gaps",
                "Applicants with career gaps rank lower",
                Category.FAIRNESS,
                Set.of(system.getId()),
                Set.of(),
                Set.of(),
                3,
                4,
                officer.username(),
                LocalDate.now().plusMonths(1)));

        List<DocRow> rows = documentation.rows(system.getId());
        String headings =
                rows.stream().filter(r -> r.kind().equals("H1")).map(DocRow::c1).collect(Collectors.joining("\n"));
        assertThat(headings)
                .contains("1. General description of the AI system")
                .contains("5. Risk management system (Art. 9)")
                .contains("7. Harmonised standards and frameworks applied")
                .contains("8. EU declaration of conformity (Art. 47)")
                .contains("9. Post-market monitoring plan (Art. 72(3))");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        documentation.pdf(system.getId(), out);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/annex-iv-sample.pdf"), out.toByteArray());
        String text;
        try (var pdf = Loader.loadPDF(out.toByteArray())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text)
                .contains("Technical documentation (Annex IV)")
                .contains("Ranking penalises career gaps")
                .contains("High-risk")
                .contains("Not yet recorded in Aegis. Attach the signed declaration")
                .contains("Not yet recorded in Aegis. Write the plan");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_id = ? and action = 'EXPORT'",
                        Long.class,
                        String.valueOf(system.getId())))
                .isEqualTo(1);
    }
}
