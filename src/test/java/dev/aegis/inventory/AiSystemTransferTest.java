package dev.aegis.inventory;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static dev.aegis.inventory.AiSystemFixtures.renamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.inventory.AiSystemService.Filter;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.tabular.ImportReport;
import dev.aegis.shared.tabular.RowProblem;
import dev.aegis.shared.tabular.TabularFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

@AegisTest
class AiSystemTransferTest {

    static final String REQUIRED =
            "name,purpose,lifecycleStage,deployment,modelType,autonomy,euAiActTier,euAiActRole,status";

    @Autowired
    AiSystemTransfer transfer;

    @Autowired
    AiSystemService service;

    @Autowired
    TestAccounts accounts;

    String tag;

    @BeforeEach
    void signIn() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        tag = "Transfer" + System.nanoTime();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void an_export_round_trips_through_import_unchanged() {
        service.register(diagnosisAssistant(tag + " one", "owner"));
        AiSystemDetails tricky = renamed(diagnosisAssistant(null, null), tag + " two, \"quoted\"");
        service.register(new AiSystemDetails(
                tricky.name(),
                "=HYPERLINK(\"http://evil\")\nsecond line",
                null,
                null,
                null,
                tricky.lifecycleStage(),
                tricky.deployment(),
                tricky.modelType(),
                java.util.Set.of(),
                tricky.peopleAffected(),
                tricky.autonomy(),
                null,
                tricky.euAiActTier(),
                tricky.euAiActRole(),
                "Ünïcode Ltd",
                tricky.status(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        for (TabularFormat format : TabularFormat.values()) {
            byte[] file = export(format);
            ImportReport report = transfer.importFile(file, true);
            assertThat(report.problems()).as(format.name()).isEmpty();
            assertThat(report.unchanged()).as(format.name()).isEqualTo(2);
            assertThat(report.changes()).as(format.name()).isZero();
        }
    }

    @Test
    void an_import_with_a_bad_enum_in_row_3_and_a_missing_name_in_row_5_reports_both_and_writes_nothing() {
        byte[] file = csv(
                REQUIRED,
                tag + " a,Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,UNASSESSED,NONE,ACTIVE",
                tag + " b,Triage,DEPLOYMENT,IN_HOUSE,ORACLE,AUTONOMOUS,UNASSESSED,NONE,ACTIVE",
                tag + " c,Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,UNASSESSED,NONE,ACTIVE",
                ",Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,UNASSESSED,NONE,ACTIVE");
        ImportReport report = transfer.importFile(file, true);
        assertThat(report.accepted()).isFalse();
        assertThat(report.problems())
                .extracting(RowProblem::row, RowProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "modelType"),
                        org.assertj.core.groups.Tuple.tuple(5, "name"));
        assertThat(report.problems().get(0).message()).contains("ORACLE").contains("CLASSIFIER");
        assertThat(report.problems().get(1).message()).isEqualTo("Name the system.");
        assertThat(service.count(byTag())).isZero();
    }

    @Test
    void an_owner_who_is_not_a_user_is_reported_at_their_row_and_column() {
        byte[] file = csv(
                REQUIRED + ",businessOwner",
                tag + " a,Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,UNASSESSED,NONE,ACTIVE,owner",
                tag + " b,Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,UNASSESSED,NONE,ACTIVE,nobody-such-user");
        ImportReport report = transfer.importFile(file, true);
        assertThat(report.accepted()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("businessOwner");
            assertThat(p.message())
                    .isEqualTo(
                            "There is no active user \"nobody-such-user\". Choose the business owner from the list of"
                                    + " users.");
        });
        assertThat(service.count(byTag())).isZero();
    }

    @Test
    void labels_any_case_and_sets_are_understood_and_a_preview_writes_nothing() {
        byte[] file = csv(
                REQUIRED + ",dataCategories,nextReview",
                tag
                        + ",Triage,deployment,In house,generative / llm,Human in the loop,Unassessed,none,Active,"
                        + "PHI (health data); personal_data,2027-03-01");
        ImportReport preview = transfer.importFile(file, false);
        assertThat(preview.accepted()).isTrue();
        assertThat(preview.created()).isEqualTo(1);
        assertThat(service.count(byTag())).isZero();

        assertThat(transfer.importFile(file, true).created()).isEqualTo(1);
        AiSystem created =
                service.search(byTag(), Pageable.unpaged()).getContent().getFirst();
        assertThat(created.getModelType()).isEqualTo(Classification.ModelType.GENERATIVE_LLM);
        assertThat(created.details().dataCategories())
                .containsExactlyInAnyOrder(Classification.DataCategory.PHI, Classification.DataCategory.PERSONAL_DATA);
        assertThat(created.getNextReview()).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void a_changed_row_updates_its_system() {
        AiSystem system = service.register(diagnosisAssistant(tag, "owner"));
        String exported = new String(export(TabularFormat.CSV), StandardCharsets.UTF_8);
        ImportReport report =
                transfer.importFile(exported.replace(tag, tag + " renamed").getBytes(StandardCharsets.UTF_8), true);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(service.get(system.getId()).getName()).isEqualTo(tag + " renamed");
    }

    @Test
    void a_row_whose_version_is_stale_is_reported() {
        AiSystem system = service.register(diagnosisAssistant(tag, "owner"));
        byte[] exported = export(TabularFormat.CSV);
        service.update(system.getId(), system.getVersion(), renamed(system.details(), tag + " meanwhile"));
        ImportReport report = transfer.importFile(exported, true);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("version");
            assertThat(p.message()).contains("changed since export");
        });
        assertThat(service.get(system.getId()).getName()).isEqualTo(tag + " meanwhile");
    }

    @Test
    void unknown_columns_duplicate_ids_bad_dates_and_a_retirement_without_deletion_record_are_all_reported() {
        assertThat(transfer.importFile(
                                csv(
                                        REQUIRED + ",colour",
                                        tag + ",x,DATA,IN_HOUSE,OTHER,AUTONOMOUS,UNASSESSED,NONE,ACTIVE,red"),
                                false)
                        .problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.row()).isEqualTo(1);
                    assertThat(p.column()).isEqualTo("colour");
                    assertThat(p.message()).startsWith("Unknown column");
                });

        AiSystem system = service.register(diagnosisAssistant(tag, "owner"));
        String row = tag + ",x,DATA,IN_HOUSE,OTHER,AUTONOMOUS,HIGH,NONE,";
        ImportReport report = transfer.importFile(
                csv(
                        "id,version," + REQUIRED + ",nextReview",
                        system.getId() + "," + system.getVersion() + "," + row + "ACTIVE,2027-01-01",
                        system.getId() + "," + system.getVersion() + "," + row + "ACTIVE,2027-01-01",
                        ",," + row + "RETIRED,31/12/2026"),
                true);
        assertThat(report.problems())
                .extracting(RowProblem::row, RowProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "id"),
                        org.assertj.core.groups.Tuple.tuple(4, "euAiActTier"),
                        org.assertj.core.groups.Tuple.tuple(4, "nextReview"),
                        org.assertj.core.groups.Tuple.tuple(4, "deletionDate"));
        assertThat(service.get(system.getId()).details().purpose()).isNotEqualTo("x");
    }

    @Test
    void a_new_system_imported_with_a_tier_or_role_is_refused_at_its_row_since_only_classification_sets_them() {
        ImportReport report = transfer.importFile(
                csv(
                        REQUIRED,
                        tag + " tiered,Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,HIGH,NONE,ACTIVE",
                        tag + " role,Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,UNASSESSED,IMPORTER,ACTIVE",
                        tag + " plain,Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,UNASSESSED,NONE,ACTIVE"),
                true);
        assertThat(report.problems())
                .extracting(RowProblem::row, RowProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "euAiActTier"),
                        org.assertj.core.groups.Tuple.tuple(3, "euAiActRole"));
        assertThat(report.problems().getFirst().message()).contains("starts unclassified");
        assertThat(service.count(new AiSystemService.Filter(tag, null, null, null, null)))
                .isZero();
    }

    @Test
    void an_xlsx_with_a_real_date_cell_imports() throws Exception {
        var out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Systems");
            String[] header = (REQUIRED + ",nextReview").split(",");
            String[] values =
                    (tag + ",Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,UNASSESSED,NONE,ACTIVE").split(",");
            Row head = sheet.createRow(0);
            Row row = sheet.createRow(1);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            for (int i = 0; i < values.length; i++) {
                row.createCell(i).setCellValue(values[i]);
            }
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("d/m/yy"));
            var date = row.createCell(values.length);
            date.setCellValue(LocalDate.of(2027, 6, 30));
            date.setCellStyle(style);
            workbook.write(out);
        }
        ImportReport report = transfer.importFile(out.toByteArray(), true);
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(1);
        assertThat(service.search(byTag(), Pageable.unpaged())
                        .getContent()
                        .getFirst()
                        .getNextReview())
                .isEqualTo(LocalDate.of(2027, 6, 30));
    }

    private Filter byTag() {
        return new Filter(tag, null, null, null, null);
    }

    private byte[] export(TabularFormat format) {
        var out = new ByteArrayOutputStream();
        transfer.export(byTag(), format, out);
        return out.toByteArray();
    }

    static byte[] csv(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
