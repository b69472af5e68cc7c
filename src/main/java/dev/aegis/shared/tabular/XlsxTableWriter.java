package dev.aegis.shared.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's streaming workbook: only a window of rows stays in memory, the rest goes to a temporary file.
 * The header is bold, frozen and carries an auto-filter; dates are real date cells. Text is written as text cells,
 * which Excel never evaluates, so the CSV formula guard is not needed here.
 */
final class XlsxTableWriter implements TableWriter {

    private static final int WINDOW = 200;
    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final CellStyle dateStyle;
    private final int columns;
    private int next;

    XlsxTableWriter(OutputStream out, List<String> header) {
        this.out = out;
        this.columns = header.size();
        sheet = workbook.createSheet("Export");
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        Row row = sheet.createRow(next++);
        for (int i = 0; i < header.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(header.get(i));
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, 22 * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(List<?> cells) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            switch (value) {
                case LocalDate date -> {
                    cell.setCellValue(date);
                    cell.setCellStyle(dateStyle);
                }
                case Number number -> cell.setCellValue(number.doubleValue());
                default -> cell.setCellValue(value.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, Math.max(0, columns - 1)));
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
        }
    }
}
