package dev.aegis.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
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
 * The audit history as a time machine for the modules that own the rows: every {@code @Audited} entity's change lands
 * in the audit log with the fields' values before and after, so a module rebuilds its own rows as they stood at a
 * moment by handing today's rows (read with its own SQL over its own tables) to {@link #asOf}. The entries recorded
 * after the moment are undone newest first — an UPDATE puts back the "before" values, a CREATE removes the row (it did
 * not exist yet), a DELETE puts the deleted row back. Also the pack's excerpt of the log ({@link #excerpt}).
 *
 * <p>No permission check of its own: the owners' "as of" readers and the evidence packs decide who reads what.
 */
@Component
public class AuditHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcTemplate jdbc;

    AuditHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One row as it stood: field name (as the entity and the audit log name it) → value, rendered as the audit log
     * renders values (strings, numbers kept as numbers, timestamps as ISO instants).
     */
    public record Row(Map<String, Object> values) {

        public long id() {
            return longValue("id");
        }

        public String text(String field) {
            Object v = values.get(field);
            return v == null ? null : String.valueOf(v);
        }

        public Long longValue(String field) {
            Object o = values.get(field);
            if (o == null) {
                return null;
            }
            return o instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(o));
        }

        /** "{1,2}" (PostgreSQL's array text) or "[1, 2]" (the audit log's rendering of a collection). */
        public Set<Long> ids(String field) {
            Set<Long> out = new LinkedHashSet<>();
            String text = text(field);
            if (text == null) {
                return out;
            }
            Arrays.stream(text.replaceAll("[\\[\\]{}\\s]", "").split(","))
                    .filter(s -> !s.isEmpty())
                    .forEach(s -> out.add(Long.parseLong(s)));
            return out;
        }
    }

    /** One entry of the log, without its changes. */
    public record Line(
            long id,
            Instant occurredAt,
            String actor,
            String action,
            String objectType,
            String objectId,
            String hash,
            String objectLabel) {}

    /**
     * The rows that {@code todaySql} reads (its columns aliased to the entity's field names, one named {@code id}, one
     * optionally {@code createdAt}) as they stood at {@code at}, in id order. Rows created after the moment (by their
     * CREATE entry, or by their own creation time) are left out.
     */
    public List<Row> asOf(String objectType, Instant at, String todaySql, Object... args) {
        Map<Long, Map<String, Object>> rows = new TreeMap<>();
        jdbc.query(
                todaySql,
                rs -> {
                    Map<String, Object> row = new HashMap<>();
                    int n = rs.getMetaData().getColumnCount();
                    for (int i = 1; i <= n; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), render(rs, i));
                    }
                    rows.put(rs.getLong("id"), row);
                },
                args);
        rollBack(objectType, rows, at);
        return rows.values().stream().map(Row::new).toList();
    }

    /**
     * The log's entries between {@code from} (inclusive) and {@code to} (exclusive) about the given objects (object
     * type → ids) or of any object of the types in {@code everyOf}, oldest first, at most {@code limit}.
     */
    public List<Line> excerpt(
            Instant from, Instant to, Map<String, Collection<Long>> objects, Collection<String> everyOf, int limit) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        objects.forEach((type, ids) -> {
            where.append(where.isEmpty() ? "" : " or ").append("(object_type = ? and object_id = any(?))");
            args.add(type);
            args.add(ids.stream().map(String::valueOf).toArray(String[]::new));
        });
        where.append(where.isEmpty() ? "" : " or ").append("object_type = any(?)");
        args.add(everyOf.toArray(String[]::new));
        args.add(limit);
        List<Line> out = new ArrayList<>();
        jdbc.query(
                "select id, occurred_at, actor, action, object_type, object_id, hash, object_label from audit.audit_entry"
                        + " where occurred_at >= ? and occurred_at < ? and (" + where + ") order by id limit ?",
                rs -> {
                    out.add(new Line(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8)));
                },
                args.toArray());
        return out;
    }

    private static Object render(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        return v == null ? null : v instanceof Number ? v : String.valueOf(v);
    }

    private void rollBack(String objectType, Map<Long, Map<String, Object>> rows, Instant at) {
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
}
