package dev.aegis.shared.tabular;

import java.util.List;
import java.util.Map;

/**
 * A file read as text: the header's column names and the data rows. Blank rows are left out, so each row keeps the
 * number the user sees in the spreadsheet.
 */
public record Table(List<String> header, List<Row> rows) {

    /** One data row: its number as a spreadsheet shows it and its cells by column name (missing cells are absent). */
    public record Row(int number, Map<String, String> cells) {

        /** The trimmed cell, or {@code null} when it is empty or missing. */
        public String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
