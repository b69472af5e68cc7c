package dev.aegis.shared.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded CSV or XLSX file (told apart by content, not name) into a {@link Table} of strings: the first row
 * is the header. Excel date cells become ISO dates ({@code 2026-12-31}), whole numbers lose their ".0", and the
 * apostrophe {@link CsvTableWriter} put before formula-like CSV cells is taken off.
 */
public final class TableReader {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;

    private TableReader() {}

    public static Table read(byte[] data) {
        if (data.length > MAX_BYTES) {
            throw new TabularFileException(
                    "The file is larger than 10 MB. Split it into smaller files and import each.");
        }
        if (data.length == 0) {
            throw new TabularFileException("The file is empty.");
        }
        Table table = TabularFormat.detect(data) == TabularFormat.XLSX ? readXlsx(data) : readCsv(data);
        if (table.header().stream().allMatch(String::isBlank)) {
            throw new TabularFileException("The first row must name the columns, as in an export.");
        }
        return table;
    }

    private static Table readCsv(byte[] data) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TabularFileException(
                    "The file is neither XLSX nor UTF-8 CSV. Save it as \"CSV UTF-8\" or as an Excel workbook.");
        }
        if (!text.isEmpty() && text.charAt(0) == CsvTableWriter.BOM) {
            text = text.substring(1);
        }
        List<String> header = null;
        List<Table.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = record.stream().map(String::strip).toList();
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean blank = true;
                for (int i = 0; i < record.size(); i++) {
                    String value = unguard(record.get(i));
                    blank &= value.isBlank();
                    cells.put(i < header.size() ? header.get(i) : "#" + (i + 1), value);
                }
                if (!blank) {
                    rows.add(new Table.Row((int) record.getRecordNumber(), cells));
                    tooMany(rows.size());
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new TabularFileException(
                    "The CSV file cannot be read (" + e.getMessage() + "). Check that quotes are paired.");
        }
        return new Table(header == null ? List.of() : header, rows);
    }

    private static Table readXlsx(byte[] data) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(data))) {
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS + 1) {
                tooMany(sheet.getLastRowNum());
            }
            Row first = sheet.getRow(sheet.getFirstRowNum());
            List<String> header = new ArrayList<>();
            if (first != null) {
                for (int i = 0; i < first.getLastCellNum(); i++) {
                    String name = text(first.getCell(i));
                    header.add(name == null ? "" : name.strip());
                }
            }
            List<Table.Row> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean blank = true;
                for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                    String value = text(row.getCell(i));
                    if (value != null) {
                        blank &= value.isBlank();
                        cells.put(i < header.size() ? header.get(i) : "#" + (i + 1), value);
                    }
                }
                if (!blank) {
                    rows.add(new Table.Row(r + 1, cells));
                    tooMany(rows.size());
                }
            }
            return new Table(header, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TabularFileException t) {
                throw t;
            }
            throw new TabularFileException(
                    "The file looks like an Excel workbook but cannot be read. Save it again as .xlsx.");
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC ->
                DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                        : number(cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> null;
        };
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15
                ? String.valueOf((long) d)
                : BigDecimal.valueOf(d).toPlainString();
    }

    static String unguard(String cell) {
        return cell.startsWith("'") && CsvTableWriter.isFormulaLike(cell, 1) ? cell.substring(1) : cell;
    }

    private static void tooMany(int rows) {
        if (rows > MAX_ROWS) {
            throw new TabularFileException(
                    "The file has more than " + MAX_ROWS + " rows. Split it into smaller files and import each.");
        }
    }
}
