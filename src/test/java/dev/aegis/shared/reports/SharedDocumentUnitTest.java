package dev.aegis.shared.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.shared.OrganisationProfile;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The shared sectioned template as every report prints it: table heads with their rows, on every page. */
class SharedDocumentUnitTest {

    final Reports reports = new Reports(new OrganisationProfile() {
        @Override
        public String name() {
            return "Example Clinic";
        }

        @Override
        public Optional<byte[]> logoPng() {
            return Optional.empty();
        }
    });

    @Test
    void a_table_over_several_pages_repeats_its_head_at_the_top_of_each_page_and_no_page_ends_with_a_head()
            throws Exception {
        List<DocRow> rows = new ArrayList<>();
        rows.add(DocRow.h1("Decisions"));
        rows.add(DocRow.p("The register as it stood."));
        rows.add(DocRow.h2("Actions"));
        rows.add(DocRow.th(DocRow.Layout.NAME_AND_FIGURES, "Action taken", "Owner", "Due", "State"));
        for (int i = 1; i <= 150; i++) {
            rows.add(DocRow.tr("Action number " + i, "officer", "2026-12-31", "Open"));
        }
        rows.add(DocRow.h1("Afterwards"));
        rows.add(DocRow.p("A paragraph after the table."));
        rows.add(DocRow.th("Reference", "Title", "Status", "Owner"));
        rows.add(DocRow.tr("SC-1", "A short one", "Implemented", "officer"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.document("A long document", "for a test", "footer text", rows, out);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "shared-document-sample.pdf"), out.toByteArray());

        try (var doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            int pagesWithRows = 0;
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                List<String> lines = stripper.getText(doc)
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("footer text"))
                        .toList();
                boolean hasRows = lines.stream().anyMatch(l -> l.startsWith("Action number "));
                if (hasRows) {
                    pagesWithRows++;
                    int head = lines.indexOf("Action taken Owner Due State");
                    int firstRow = indexOfFirst(lines, "Action number ");
                    assertThat(head)
                            .as("page " + page + " prints the head once, above its first row: " + lines)
                            .isNotNegative()
                            .isLessThan(firstRow)
                            .isEqualTo(lines.lastIndexOf("Action taken Owner Due State"));
                }
                assertThat(lines.getLast())
                        .as("page " + page + " ends with a row, not a head or a heading")
                        .isNotIn(
                                "Action taken Owner Due State",
                                "Reference Title Status Owner",
                                "Decisions",
                                "Actions",
                                "Afterwards");
            }
            assertThat(pagesWithRows).isGreaterThanOrEqualTo(3);
            // the second table is a table of its own: its head once, never the first table's
            stripper.setStartPage(doc.getNumberOfPages());
            stripper.setEndPage(doc.getNumberOfPages());
            String last = stripper.getText(doc);
            assertThat(last).contains("Reference Title Status Owner", "SC-1 A short one Implemented officer");
        }
    }

    @Test
    void every_row_of_a_table_carries_its_head_and_number_and_the_first_row_prints_it() {
        List<DocRow> rows = DocRow.keepHeadsWithFirstRow(List.of(
                DocRow.h2("Section"),
                DocRow.p("Text"),
                DocRow.th("A", "B", "C", "D"),
                DocRow.tr("1", "2", "3", "4"),
                DocRow.trMono("5", "6", "7", "hash"),
                DocRow.p("After"),
                DocRow.th(DocRow.Layout.NAME_AND_FIGURES, "E", "F", "G", "H"),
                DocRow.tr("9", "10", "11", "12")));
        assertThat(rows)
                .extracting(DocRow::kind, DocRow::head1, DocRow::table, DocRow::getLayout)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("H2+P", "Section", null, "REFERENCE_TITLE"),
                        org.assertj.core.groups.Tuple.tuple("TRH", "A", 1, "REFERENCE_TITLE"),
                        org.assertj.core.groups.Tuple.tuple("TRM", "A", 1, "REFERENCE_TITLE"),
                        org.assertj.core.groups.Tuple.tuple("P", null, null, "REFERENCE_TITLE"),
                        org.assertj.core.groups.Tuple.tuple("TRH", "E", 2, "NAME_AND_FIGURES"));
    }

    private static int indexOfFirst(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
