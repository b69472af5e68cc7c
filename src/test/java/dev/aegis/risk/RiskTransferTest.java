package dev.aegis.risk;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.aegis.AegisTest;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.tabular.ImportReport;
import dev.aegis.shared.tabular.RowProblem;
import dev.aegis.shared.tabular.TabularFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

@AegisTest
class RiskTransferTest {

    static final String HEADER =
            "title,category,systems,threats,requirements,inherentLikelihood,inherentImpact,dueDate";

    @Autowired
    RiskTransfer transfer;

    @Autowired
    RiskService risks;

    @Autowired
    AiSystemService systems;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    TestAccounts accounts;

    String tag;
    String systemName;
    long systemId;

    @BeforeEach
    void signIn() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        tag = "RiskFile" + System.nanoTime();
        systemName = tag + " assistant";
        systemId = systems.register(diagnosisAssistant(systemName, "someone")).getId();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void an_export_names_systems_threats_and_requirements_as_people_do_and_round_trips_unchanged() throws Exception {
        long injection =
                catalog.find(RiskService.ATLAS, "AML.T0051").orElseThrow().id();
        long llm01 =
                catalog.find(RiskService.OWASP_LLM, "LLM01:2025").orElseThrow().id();
        long govern =
                catalog.find("NIST-AI-RMF-1.0", "GOVERN 1.1").orElseThrow().id();
        risks.identify(new RiskDetails(
                tag + " one, \"quoted\"",
                "Line one\nline two",
                Category.THIRD_PARTY,
                Set.of(systemId),
                Set.of(injection, llm01),
                Set.of(govern),
                4,
                5,
                null,
                LocalDate.of(2031, 1, 31)));
        Risk two = risks.identify(new RiskDetails(
                tag + " two", null, Category.PRIVACY, Set.of(systemId), Set.of(), Set.of(), 2, 3, "someone", null));
        risks.assess(two.getId(), two.getVersion(), 3, 3);

        String csv = new String(export(TabularFormat.CSV), StandardCharsets.UTF_8);
        assertThat(csv)
                .contains(systemName)
                .contains("AML.T0051; LLM01:2025")
                .contains("GOVERN 1.1")
                .contains("Third party")
                .contains("Assessed")
                .contains("2031-01-31");
        for (TabularFormat format : TabularFormat.values()) {
            ImportReport report = transfer.importFile(export(format), true);
            assertThat(report.problems()).as(format.name()).isEmpty();
            assertThat(report.unchanged()).as(format.name()).isEqualTo(2);
            assertThat(report.changes()).as(format.name()).isZero();
        }
    }

    @Test
    void an_edited_xlsx_changes_a_risk_and_new_rows_raise_risks() throws Exception {
        risks.identify(new RiskDetails(
                tag + " old title", null, Category.SAFETY, Set.of(systemId), Set.of(), Set.of(), 3, 3, null, null));
        byte[] edited;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export(TabularFormat.XLSX)))) {
            Sheet sheet = book.getSheetAt(0);
            int title = RiskTransfer.columns().indexOf("title");
            // the export writes inline strings, which POI does not overwrite in place: replace the cell
            var first = sheet.getRow(1);
            first.removeCell(first.getCell(title));
            first.createCell(title).setCellValue(tag + " new title");
            var added = sheet.createRow(2);
            added.createCell(title).setCellValue(tag + " raised from Excel");
            added.createCell(RiskTransfer.columns().indexOf("category")).setCellValue("Reliability");
            added.createCell(RiskTransfer.columns().indexOf("systems")).setCellValue(systemName);
            added.createCell(RiskTransfer.columns().indexOf("threats")).setCellValue("aml.t0051");
            added.createCell(RiskTransfer.columns().indexOf("inherentLikelihood"))
                    .setCellValue(2);
            added.createCell(RiskTransfer.columns().indexOf("inherentImpact")).setCellValue(4);
            var out = new ByteArrayOutputStream();
            book.write(out);
            edited = out.toByteArray();
        }
        ImportReport report = transfer.importFile(edited, true);
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.updated()).isEqualTo(1);
        var mine = risks.search(
                        new RiskService.Filter(tag, null, null, null, null, null, null),
                        PageRequest.of(0, 10, Sort.by("title")))
                .getContent();
        assertThat(mine).extracting(Risk::getTitle).containsExactly(tag + " new title", tag + " raised from Excel");
        assertThat(mine.get(1).getInherentScore()).isEqualTo(8);
        assertThat(mine.get(1).getThreats())
                .containsExactly(catalog.find(RiskService.ATLAS, "AML.T0051")
                        .orElseThrow()
                        .id());
    }

    @Test
    void a_file_with_bad_rows_is_refused_whole_with_each_problem_by_row_and_column() {
        byte[] file = csv(
                HEADER,
                tag + " fine,Security," + systemName + ",LLM01:2025,GOVERN 1.1,3,4,2031-01-31",
                tag + " unknown system,Security,No such system,,,3,4,",
                tag + " not a threat,Security," + systemName + ",GOVERN 1.1,,3,4,",
                tag + " off the scale,Sorcery," + systemName + ",,,7,4,someday",
                ",Privacy," + systemName + ",,,1,1,");
        ImportReport report = transfer.importFile(file, true);
        assertThat(report.accepted()).isFalse();
        assertThat(report.problems())
                .extracting(RowProblem::row, RowProblem::column)
                .containsExactly(
                        tuple(3, "systems"),
                        tuple(4, "threats"),
                        tuple(5, "category"),
                        tuple(5, "inherentLikelihood"),
                        tuple(5, "dueDate"),
                        tuple(6, "title"));
        assertThat(report.problems().get(0).message()).contains("No such system");
        assertThat(report.problems().get(1).message()).contains("not a threat");
        assertThat(risks.count(new RiskService.Filter(tag, null, null, null, null, null, null)))
                .isZero();
    }

    @Test
    void a_stale_row_is_refused_with_the_versions() {
        Risk risk = risks.identify(new RiskDetails(
                tag + " stale", null, Category.SAFETY, Set.of(systemId), Set.of(), Set.of(), 3, 3, null, null));
        byte[] exported = export(TabularFormat.CSV);
        risks.assess(risk.getId(), risk.getVersion(), 4, 4);
        String edited = new String(exported, StandardCharsets.UTF_8).replace(tag + " stale", tag + " edited");
        ImportReport report = transfer.importFile(edited.getBytes(StandardCharsets.UTF_8), true);
        assertThat(report.problems())
                .extracting(RowProblem::row, RowProblem::column)
                .containsExactly(tuple(2, "version"));
        assertThat(report.problems().getFirst().message()).contains("changed since export");
    }

    private byte[] export(TabularFormat format) {
        var out = new ByteArrayOutputStream();
        transfer.export(new RiskService.Filter(tag, null, null, null, null, null, null), format, out);
        return out.toByteArray();
    }

    static byte[] csv(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
