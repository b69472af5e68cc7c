package dev.aegis.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableUnitTest {

    @Test
    void a_csv_starts_with_a_byte_order_mark_quotes_as_rfc_4180_and_guards_formulas() throws Exception {
        var out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(TabularFormat.CSV, out, List.of("a", "b", "c", "d"))) {
            writer.row(Arrays.asList("=1+1", "say \"hi\", then\nleave", LocalDate.of(2026, 12, 31), null));
            writer.row(List.of("@SUM(A1)", "-3", "+x", "plain"));
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("\uFEFFa,b,c,d\r\n")
                .contains("'=1+1,\"say \"\"hi\"\", then\nleave\",2026-12-31,\r\n")
                .contains("'@SUM(A1),'-3,'+x,plain\r\n");

        Table table = TableReader.read(out.toByteArray());
        assertThat(table.header()).containsExactly("a", "b", "c", "d");
        assertThat(table.rows()).extracting(Table.Row::number).containsExactly(2, 3);
        assertThat(table.rows().get(0).cells())
                .containsEntry("a", "=1+1")
                .containsEntry("b", "say \"hi\", then\nleave");
        assertThat(table.rows().get(1).get("b")).isEqualTo("-3");
    }

    @Test
    void an_xlsx_is_told_from_a_csv_by_its_content_and_reads_back() throws Exception {
        var out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(TabularFormat.XLSX, out, List.of("id", "when", "what"))) {
            writer.row(List.of(42L, LocalDate.of(2027, 1, 2), "=not a formula"));
        }
        assertThat(TabularFormat.detect(out.toByteArray())).isEqualTo(TabularFormat.XLSX);
        Table table = TableReader.read(out.toByteArray());
        assertThat(table.rows().get(0).cells())
                .containsEntry("id", "42")
                .containsEntry("when", "2027-01-02")
                .containsEntry("what", "=not a formula");
    }

    @Test
    void a_file_that_is_too_large_or_not_utf_8_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> TableReader.read(new byte[TableReader.MAX_BYTES + 1]))
                .isInstanceOf(TabularFileException.class)
                .hasMessageContaining("10 MB");
        assertThatThrownBy(() -> TableReader.read(new byte[] {'a', ',', (byte) 0xE9, '\n'}))
                .hasMessageContaining("UTF-8");
        StringBuilder many = new StringBuilder("a\n");
        for (int i = 0; i <= TableReader.MAX_ROWS; i++) {
            many.append(i).append('\n');
        }
        assertThatThrownBy(() -> TableReader.read(many.toString().getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("more than 20000 rows");
    }
}
