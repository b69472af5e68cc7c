package dev.aegis.shared.tabular;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a table row by row, so a register is streamed out page by page instead of being held in memory. Cells are
 * strings, {@link java.time.LocalDate}s, numbers or {@code null}. Closing finishes the file but leaves the stream
 * open: the caller owns it.
 */
public interface TableWriter extends Closeable {

    void row(List<?> cells) throws IOException;

    static TableWriter open(TabularFormat format, OutputStream out, List<String> header) throws IOException {
        return switch (format) {
            case CSV -> new CsvTableWriter(out, header);
            case XLSX -> new XlsxTableWriter(out, header);
        };
    }
}
