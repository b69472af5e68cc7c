package dev.aegis.telemetry;

import dev.aegis.telemetry.TelemetryEvents.Outcome;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * For tests outside this package (evidence packs): a telemetry test on a control applied to a system, linked to a
 * deployment of the embedded monitor, and results recorded for it at chosen moments, as the test runner stores them.
 */
@Component
public class TelemetryResults {

    private final TelemetryService telemetry;
    private final JdbcTemplate jdbc;

    TelemetryResults(TelemetryService telemetry, JdbcTemplate jdbc) {
        this.telemetry = telemetry;
        this.jdbc = jdbc;
    }

    public record Tested(long testId, long linkId, String source, String deployment) {}

    /** Signed in as someone who manages the system: "PSI &lt; threshold on every subject over 1h". */
    public Tested psiTest(long systemId, long controlId, double threshold) {
        TelemetrySource embedded = telemetry.sources().stream()
                .filter(s -> s.getName().equals(TelemetrySource.EMBEDDED))
                .findFirst()
                .orElseThrow();
        String deployment = "pack-" + Long.toString(System.nanoTime(), 36);
        var link = telemetry.link(systemId, embedded.getId(), deployment);
        var test = telemetry.defineTest(
                controlId, systemId, new TestDefinition("PSI", null, Comparison.LT, threshold, "1h", 0, null));
        return new Tested(test.getId(), link.id(), embedded.getName(), deployment);
    }

    /** A result of the hour starting at {@code windowStart} (long past, so no scheduled run records that window). */
    public long record(Tested t, Outcome outcome, Double figure, Instant windowStart, Instant recordedAt) {
        Instant start = windowStart.truncatedTo(ChronoUnit.HOURS);
        return jdbc.queryForObject(
                """
                insert into telemetry.test_result (test_id, link_id, source, deployment, outcome, figure, subject,
                    sample_size, window_start, window_end, reference, bin_edges, note, recorded_at)
                values (?, ?, ?, ?, ?, ?, 'income', 800, ?, ?, 'reference window of the training set', null, null, ?)
                returning id""",
                Long.class,
                t.testId(),
                t.linkId(),
                t.source(),
                t.deployment(),
                outcome.name(),
                figure,
                Timestamp.from(start),
                Timestamp.from(start.plus(1, ChronoUnit.HOURS)),
                Timestamp.from(recordedAt));
    }
}
