package dev.aegis.shared.web;

import dev.aegis.shared.tabular.ImportReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * How every register's import endpoint answers: 200 with what was (or would be) created, updated and left alone, or
 * 422 problem details whose {@code errors} list every problem by row and column.
 */
public final class ImportAnswers {

    private ImportAnswers() {}

    /** What an accepted import did or would do. */
    public record ImportResponse(boolean applied, int created, int updated, int unchanged) {}

    public static ResponseEntity<?> of(ImportReport report) {
        if (!report.accepted()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    report.problems().size() + " problem(s) in the file; nothing was imported.");
            problem.setTitle("The file was not imported");
            List<Map<String, Object>> errors = report.problems().stream()
                    .map(p -> {
                        Map<String, Object> error = new LinkedHashMap<>();
                        error.put("row", p.row());
                        error.put("column", p.column());
                        error.put("message", p.message());
                        return error;
                    })
                    .toList();
            problem.setProperty("errors", errors);
            return ResponseEntity.unprocessableContent()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.ok(
                new ImportResponse(report.applied(), report.created(), report.updated(), report.unchanged()));
    }
}
