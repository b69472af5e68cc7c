package dev.aegis.shared.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark, which is what makes Excel read the accents right. Cells that a
 * spreadsheet would run as a formula get a leading apostrophe (OWASP's CSV-injection advice); {@link TableReader}
 * takes it off again, so an export imports unchanged.
 */
final class CsvTableWriter implements TableWriter {

    static final char BOM = '\uFEFF';
    private final Writer writer;
    private final CSVPrinter printer;

    CsvTableWriter(OutputStream out, List<String> header) throws IOException {
        writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BOM);
        printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(header);
    }

    @Override
    public void row(List<?> cells) throws IOException {
        List<String> text = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            text.add(guard(cell == null ? "" : cell.toString()));
        }
        printer.printRecord(text);
    }

    /** A cell starting with = + - @ (or tab / carriage return) is prefixed with ' so no spreadsheet evaluates it. */
    static String guard(String cell) {
        return isFormulaLike(cell, 0) ? "'" + cell : cell;
    }

    static boolean isFormulaLike(String cell, int at) {
        if (cell.length() <= at) {
            return false;
        }
        char c = cell.charAt(at);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    @Override
    public void close() throws IOException {
        printer.flush();
        writer.flush();
    }
}
