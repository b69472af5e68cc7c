package dev.aegis.monitor;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of checked events with PostgreSQL's COPY, together with its {@code monitor.ingest} row, in the
 * caller's transaction: once that commits, the batch is durable (before the 202 is sent).
 */
@Component
@WhenMonitorEnabled
class EventWriter {

    private static final String COPY_EVENTS = "copy monitor.event (deployment_id, ts, request_id, latency_ms, error, "
            + "error_class, features, predicted_label, score, group_value, ingest_id, llm) from stdin";
    private static final String COPY_REFERENCE = "copy monitor.reference_event (deployment_id, reference_batch, ts, "
            + "request_id, latency_ms, error, error_class, features, predicted_label, score, group_value, ingest_id, llm) "
            + "from stdin";

    private final JdbcTemplate jdbc;

    EventWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the events and returns the id of their ingest row. Must run inside a transaction. */
    long write(long deploymentId, String referenceBatch, List<PredictionEvent> events, String instanceId, Instant now) {
        Instant min = events.getFirst().timestamp();
        Instant max = min;
        for (PredictionEvent e : events) {
            min = e.timestamp().isBefore(min) ? e.timestamp() : min;
            max = e.timestamp().isAfter(max) ? e.timestamp() : max;
        }
        Instant tsMin = min;
        Instant tsMax = max;
        return jdbc.execute((ConnectionCallback<Long>) c -> {
            long ingestId =
                    insertIngest(c, deploymentId, instanceId, now, events.size(), tsMin, tsMax, referenceBatch != null);
            StringBuilder rows = new StringBuilder(events.size() * 256);
            for (PredictionEvent e : events) {
                row(rows, deploymentId, referenceBatch, e, ingestId);
            }
            try {
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                referenceBatch == null ? COPY_EVENTS : COPY_REFERENCE,
                                new StringReader(rows.toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return ingestId;
        });
    }

    private static long insertIngest(
            Connection c,
            long deploymentId,
            String instanceId,
            Instant now,
            int count,
            Instant tsMin,
            Instant tsMax,
            boolean reference)
            throws java.sql.SQLException {
        // a reference batch is no live traffic: nothing to fold into the traffic windows
        try (PreparedStatement ps = c.prepareStatement(
                "insert into monitor.ingest (deployment_id, instance_id, "
                        + "received_at, event_count, ts_min, ts_max, aggregated_at) values (?, ?, ?, ?, ?, ?, ?) returning id")) {
            ps.setLong(1, deploymentId);
            ps.setString(2, instanceId);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setInt(4, count);
            ps.setTimestamp(5, Timestamp.from(tsMin));
            ps.setTimestamp(6, Timestamp.from(tsMax));
            ps.setTimestamp(7, reference ? Timestamp.from(now) : null);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void row(
            StringBuilder b, long deploymentId, String referenceBatch, PredictionEvent e, long ingestId) {
        b.append(deploymentId).append('\t');
        if (referenceBatch != null) {
            text(b, referenceBatch).append('\t');
        }
        FastTime.append(b, e.timestamp()).append('\t');
        text(b, e.requestId()).append('\t');
        number(b, e.latencyMs()).append('\t');
        b.append(e.error() ? 't' : 'f').append('\t');
        text(b, e.errorClass()).append('\t');
        text(b, e.featuresJson()).append('\t');
        text(b, e.predictedLabel()).append('\t');
        number(b, e.score()).append('\t');
        text(b, e.group()).append('\t');
        b.append(ingestId).append('\t');
        text(b, e.llmJson()).append('\n');
    }

    private static StringBuilder number(StringBuilder b, Double d) {
        return d == null ? b.append("\\N") : b.append(d.doubleValue());
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' || ch < ' ') {
                return false;
            }
        }
        return true;
    }

    /** COPY's text format: backslash, tab, newline and carriage return escaped; null as \N. */
    private static StringBuilder text(StringBuilder b, String s) {
        if (s == null) {
            return b.append("\\N");
        }
        if (plain(s)) {
            return b.append(s);
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\0' -> {} // PostgreSQL text cannot hold NUL
                default -> b.append(ch);
            }
        }
        return b;
    }
}
