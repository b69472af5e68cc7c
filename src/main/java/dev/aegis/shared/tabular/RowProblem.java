package dev.aegis.shared.tabular;

/**
 * One thing wrong with an imported file, where the user will find it: the row as a spreadsheet numbers it (the
 * header is row 1) and the column's header name ({@code null} when the whole row or file is meant).
 */
public record RowProblem(int row, String column, String message) {

    @Override
    public String toString() {
        return "Row " + row + (column == null ? "" : ", " + column) + ": " + message;
    }
}
