package dev.aegis.evidence.pack;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registers as they stood at a moment, rebuilt from today's rows and the audit history: every {@code @Audited}
 * entity's change lands in {@code audit.audit_entry} with the fields' values before and after. Starting from today's
 * rows, the entries recorded after the moment are undone newest first — an UPDATE puts back the "before" values, a
 * CREATE removes the row (it did not exist yet), a DELETE puts the deleted row back. Reading the rows with SQL (rather
 * than through each module's service) is deliberate: a pack reads thousands of rows in a few queries, read-only, and
 * the audit history speaks in the entities' field names, which the queries below alias to.
 */
@Component
class RegisterHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcTemplate jdbc;

    RegisterHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The end of the "as of" day (UTC): what happened on that day is part of the state. */
    static Instant endOf(LocalDate asOf) {
        return asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    record SystemAt(long id, String name, String purpose, String lifecycleStage, String tier, String status) {}

    record ControlAt(long id, String title, String owner, String status, String lastTestedOn, String lastTestResult) {}

    record ApplicationAt(long id, long controlId, long systemId, String status, String note) {}

    record RiskAt(
            long id,
            String title,
            String category,
            String status,
            String inherentScore,
            String residualScore,
            String owner,
            String treatment,
            String dueDate,
            Set<Long> systems) {}

    List<SystemAt> systems(Instant at) {
        Map<Long, Map<String, Object>> rows = rows("""
                select id, name, purpose, lifecycle_stage as "lifecycleStage", eu_ai_act_tier as "euAiActTier",
                       status, created_at as "createdAt" from inventory.ai_system""");
        rollBack("AiSystem", rows, at);
        return rows.values().stream()
                .map(r -> new SystemAt(
                        id(r),
                        str(r, "name"),
                        str(r, "purpose"),
                        str(r, "lifecycleStage"),
                        str(r, "euAiActTier"),
                        str(r, "status")))
                .toList();
    }

    /** The library controls mapped to any of these requirements, with the requirement ids each implements. */
    Map<ControlAt, Set<Long>> controlsFor(Collection<Long> requirementIds, Instant at) {
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
        Map<Long, Map<String, Object>> rows = rows("""
                select id, title, owner, status, last_tested_on as "lastTestedOn", last_test_result as "lastTestResult",
                       created_at as "createdAt" from control.control where id = any(?)""", (Object) mapped.keySet().toArray(Long[]::new));
        rollBack("Control", rows, at);
        Map<ControlAt, Set<Long>> out = new LinkedHashMap<>();
        rows.values().stream()
                .map(r -> new ControlAt(
                        id(r),
                        str(r, "title"),
                        str(r, "owner"),
                        str(r, "status"),
                        str(r, "lastTestedOn"),
                        str(r, "lastTestResult")))
                .sorted(java.util.Comparator.comparing(ControlAt::title, String.CASE_INSENSITIVE_ORDER))
                .forEach(c -> out.put(c, mapped.get(c.id())));
        return out;
    }

    /** Applications of these controls (to any system), with their status as it stood. */
    List<ApplicationAt> applications(Collection<Long> controlIds, Instant at) {
        Map<Long, Map<String, Object>> rows = rows("""
                select id, control_id as "controlId", ai_system_id as "systemId", status, note
                from control.control_application where control_id = any(?)""", (Object) controlIds.toArray(Long[]::new));
        Set<Long> wanted = Set.copyOf(controlIds);
        rollBack("ControlApplication", rows, at);
        List<ApplicationAt> out = new ArrayList<>();
        for (Map<String, Object> r : rows.values()) {
            Long controlId = longOf(r.get("controlId"));
            Long systemId = longOf(r.get("systemId"));
            if (controlId != null && systemId != null && wanted.contains(controlId)) {
                out.add(new ApplicationAt(id(r), controlId, systemId, str(r, "status"), str(r, "note")));
            }
        }
        return out;
    }

    /** Risks of any of these systems (empty: every risk), as they stood. */
    List<RiskAt> risks(Set<Long> systemIds, Instant at) {
        Map<Long, Map<String, Object>> rows = rows("""
                select id, title, category, status, inherent_score as "inherentScore", residual_score as "residualScore",
                       owner, treatment, due_date as "dueDate", created_at as "createdAt",
                       array(select s.system_id from risk.risk_system s where s.risk_id = r.id order by 1)::text as systems
                from risk.risk r""");
        rollBack("Risk", rows, at);
        List<RiskAt> out = new ArrayList<>();
        for (Map<String, Object> r : rows.values()) {
            Set<Long> systems = ids(str(r, "systems"));
            if (systemIds.isEmpty() || systems.stream().anyMatch(systemIds::contains)) {
                out.add(new RiskAt(
                        id(r),
                        str(r, "title"),
                        str(r, "category"),
                        str(r, "status"),
                        str(r, "inherentScore"),
                        str(r, "residualScore"),
                        str(r, "owner"),
                        str(r, "treatment"),
                        str(r, "dueDate"),
                        systems));
            }
        }
        out.sort(java.util.Comparator.comparing(RiskAt::id));
        return out;
    }

    /** Today's rows keyed by id, each as field name → value (values as the audit log renders them: strings). */
    private Map<Long, Map<String, Object>> rows(String sql, Object... args) {
        Map<Long, Map<String, Object>> out = new TreeMap<>();
        jdbc.query(
                sql,
                rs -> {
                    Map<String, Object> row = new HashMap<>();
                    int n = rs.getMetaData().getColumnCount();
                    for (int i = 1; i <= n; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), render(rs, i));
                    }
                    out.put(rs.getLong("id"), row);
                },
                args);
        return out;
    }

    private static Object render(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        return v == null ? null : v instanceof Number ? v : String.valueOf(v);
    }

    /**
     * Undoes, newest first, the audit entries about {@code objectType} recorded after {@code at}; rows created after
     * it (by their CREATE entry, or by their own creation time where the row keeps one) are left out.
     */
    void rollBack(String objectType, Map<Long, Map<String, Object>> rows, Instant at) {
        jdbc.query(
                """
                select object_id, action, changes from audit.audit_entry
                where object_type = ? and occurred_at >= ? and object_id is not null order by id desc""",
                rs -> {
                    long id;
                    try {
                        id = Long.parseLong(rs.getString(1));
                    } catch (NumberFormatException e) {
                        return;
                    }
                    JsonNode changes = JSON.readTree(rs.getString(3));
                    switch (rs.getString(2)) {
                        case "UPDATE" -> {
                            Map<String, Object> row = rows.get(id);
                            if (row != null) {
                                for (Map.Entry<String, JsonNode> field : changes.properties()) {
                                    if (row.containsKey(field.getKey())) {
                                        row.put(
                                                field.getKey(),
                                                unrender(field.getValue().path("before")));
                                    }
                                }
                            }
                        }
                        case "CREATE" -> rows.remove(id);
                        case "DELETE" -> {
                            Map<String, Object> row = new HashMap<>();
                            row.put("id", id);
                            for (Map.Entry<String, JsonNode> field : changes.properties()) {
                                row.put(field.getKey(), unrender(field.getValue()));
                            }
                            rows.put(id, row);
                        }
                        default -> {
                            // other actions (exports, workflow events) carry no field values
                        }
                    }
                },
                objectType,
                Timestamp.from(at));
        rows.values()
                .removeIf(r -> r.get("createdAt") instanceof String created
                        && !created.equals("null")
                        && Instant.parse(created).isAfter(at));
    }

    private static Object unrender(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asString()));
            return items.toString();
        }
        String s = value.asString();
        return "null".equals(s) ? null : s;
    }

    private static long id(Map<String, Object> r) {
        return longOf(r.get("id"));
    }

    private static Long longOf(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(o));
    }

    private static String str(Map<String, Object> r, String key) {
        Object v = r.get(key);
        return v == null ? null : String.valueOf(v);
    }

    /** "{1,2}" (PostgreSQL) or "[1, 2]" (the audit log's rendering of a collection). */
    static Set<Long> ids(String text) {
        Set<Long> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        Arrays.stream(text.replaceAll("[\\[\\]{}\\s]", "").split(","))
                .filter(s -> !s.isEmpty())
                .forEach(s -> out.add(Long.parseLong(s)));
        return out;
    }
}
