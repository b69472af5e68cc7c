package dev.aegis.control;

import dev.aegis.audit.AuditHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The control library and its applications as they stood at a moment: today's rows of this module's own tables,
 * rolled back through the audit history. Read by the evidence packs (thousands of rows in a few queries, read-only).
 */
@Component
public class ControlHistory {

    private final AuditHistory audit;
    private final JdbcTemplate jdbc;

    ControlHistory(AuditHistory audit, JdbcTemplate jdbc) {
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** A library control as it stood; enum values by their names, dates as ISO text. */
    public record ControlAt(
            long id, String title, String owner, String status, String lastTestedOn, String lastTestResult) {}

    /** A control applied to an AI system, as the application stood. */
    public record ApplicationAt(long id, long controlId, long systemId, String status, String note) {}

    /**
     * The library controls mapped to any of these requirements (by title), with the requirement ids each implements.
     * The mapping is catalog-like and not rolled back.
     */
    public Map<ControlAt, Set<Long>> controlsFor(Collection<Long> requirementIds, Instant at) {
        Map<Long, Set<Long>> mapped = new HashMap<>();
        jdbc.query(
                "select control_id, requirement_id from control.control_requirement where requirement_id = any(?)",
                rs -> {
                    mapped.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>())
                            .add(rs.getLong(2));
                },
                (Object) requirementIds.toArray(Long[]::new));
        if (mapped.isEmpty()) {
            return Map.of();
        }
        Map<ControlAt, Set<Long>> out = new LinkedHashMap<>();
        audit.asOf("Control", at, """
                        select id, title, owner, status, last_tested_on as "lastTestedOn",
                               last_test_result as "lastTestResult", created_at as "createdAt"
                        from control.control where id = any(?)""", (Object) mapped.keySet().toArray(Long[]::new)).stream()
                .map(r -> new ControlAt(
                        r.id(),
                        r.text("title"),
                        r.text("owner"),
                        r.text("status"),
                        r.text("lastTestedOn"),
                        r.text("lastTestResult")))
                .sorted(Comparator.comparing(ControlAt::title, String.CASE_INSENSITIVE_ORDER))
                .forEach(c -> out.put(c, mapped.get(c.id())));
        return out;
    }

    /** Applications of these controls (to any system), with their status as it stood, in id order. */
    public List<ApplicationAt> applications(Collection<Long> controlIds, Instant at) {
        Set<Long> wanted = Set.copyOf(controlIds);
        List<ApplicationAt> out = new ArrayList<>();
        for (AuditHistory.Row r : audit.asOf("ControlApplication", at, """
                select id, control_id as "controlId", ai_system_id as "systemId", status, note
                from control.control_application where control_id = any(?)""", (Object) controlIds.toArray(Long[]::new))) {
            Long controlId = r.longValue("controlId");
            Long systemId = r.longValue("systemId");
            if (controlId != null && systemId != null && wanted.contains(controlId)) {
                out.add(new ApplicationAt(r.id(), controlId, systemId, r.text("status"), r.text("note")));
            }
        }
        return out;
    }

    /** Each control's reference as printed ("CTL-12", or the starter library's id), by control id. */
    public Map<Long, String> references(Collection<Long> controlIds) {
        Map<Long, String> references = new HashMap<>();
        jdbc.query(
                "select id, starter_id from control.control where id = any(?)",
                rs -> {
                    references.put(rs.getLong(1), Control.reference(rs.getLong(1), rs.getString(2)));
                },
                (Object) controlIds.toArray(Long[]::new));
        return references;
    }
}
