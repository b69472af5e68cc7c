package dev.aegis.shared.tabular;

import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.UserDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks every register import makes the same way, with the same messages. */
public final class ImportChecks {

    private ImportChecks() {}

    /**
     * Problems with the header row: unnamed, unknown or repeated columns, and required columns that are missing
     * ({@code noun} names a record of the register, e.g. "AI system").
     */
    public static List<RowProblem> header(
            List<String> header, List<String> known, Collection<String> required, String noun) {
        List<RowProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (column.isBlank()) {
                problems.add(new RowProblem(1, null, "A column has no name in the header row."));
            } else if (!known.contains(column)) {
                problems.add(new RowProblem(
                        1,
                        column,
                        "Unknown column. Use the column names of an export: " + String.join(", ", known) + "."));
            } else if (!seen.add(column)) {
                problems.add(new RowProblem(1, column, "This column appears twice."));
            }
        }
        for (String column : required) {
            if (!seen.contains(column)) {
                problems.add(new RowProblem(1, column, "This column is missing; every " + noun + " needs it."));
            }
        }
        return problems;
    }

    /**
     * A person a row names (an owner) must be an active user of the directory, as on the screens; a row that keeps the
     * name its record has ({@code before}) passes even when that person has left.
     */
    public static void person(
            int row,
            String column,
            String what,
            String name,
            String before,
            UserDirectory people,
            List<RowProblem> problems) {
        try {
            people.requireKnown(column, what, name, before);
        } catch (DomainRuleException e) {
            problems.add(new RowProblem(row, column, e.getMessage()));
        }
    }

    /** A problem when the row has cells beyond the header's columns. */
    public static void extraCells(Table.Row row, List<RowProblem> problems) {
        row.cells().keySet().stream()
                .filter(k -> k.startsWith("#"))
                .findFirst()
                .ifPresent(k -> problems.add(
                        new RowProblem(row.number(), null, "The row has more cells than the header has columns.")));
    }

    /** The cell as a whole number, {@code null} when empty; a problem when it is something else. */
    public static Long wholeNumber(Table.Row row, String column, List<RowProblem> problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            problems.add(new RowProblem(row.number(), column, "\"" + text + "\" is not a whole number."));
            return null;
        }
    }

    /** Checks one data row: the change it asks for, {@code null} when it changes nothing; problems go to the list. */
    @FunctionalInterface
    public interface RowCheck<P> {
        P check(Table.Row row, List<RowProblem> problems);
    }

    /** The changes the rows ask for, how many rows change nothing, and every problem in row and column order. */
    public record Checked<P>(List<P> plan, int unchanged, List<RowProblem> problems) {}

    /**
     * Checks every data row (never stopping at the first problem) and sorts the problems by row, then by the position
     * of their column in {@code columns}.
     */
    public static <P> Checked<P> rows(Table table, List<String> columns, RowCheck<P> check) {
        List<P> plan = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        int unchanged = 0;
        for (Table.Row row : table.rows()) {
            List<RowProblem> found = new ArrayList<>();
            P planned = check.check(row, found);
            problems.addAll(found);
            if (found.isEmpty()) {
                if (planned == null) {
                    unchanged++;
                } else {
                    plan.add(planned);
                }
            }
        }
        problems.sort(
                java.util.Comparator.comparingInt(RowProblem::row).thenComparingInt(p -> columns.indexOf(p.column())));
        return new Checked<>(plan, unchanged, problems);
    }
}
