package dev.aegis.shared.tabular;

import java.util.List;

/**
 * What an import did, or would do: records created, updated and left unchanged, or the problems that stopped it. A
 * report with problems means nothing was written.
 */
public record ImportReport(boolean applied, int created, int updated, int unchanged, List<RowProblem> problems) {

    public static ImportReport refused(List<RowProblem> problems) {
        return new ImportReport(false, 0, 0, 0, List.copyOf(problems));
    }

    public boolean accepted() {
        return problems.isEmpty();
    }

    public int changes() {
        return created + updated;
    }
}
