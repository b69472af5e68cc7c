package dev.aegis.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aegis.AegisTest;
import dev.aegis.monitor.AggregateStore.Delta;
import dev.aegis.monitor.AggregateStore.Key;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Window aggregates across instances, recovery after a crash, and the event partitions. */
@AegisTest
class AggregateStorageTest {

    @Autowired
    AggregateStore store;

    @Autowired
    AggregateRecovery recovery;

    @Autowired
    WindowAggregator aggregator;

    @Autowired
    EventWriter writer;

    @Autowired
    EventPartitions partitions;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    /** Deployment ids no real deployment has: these tests write aggregates directly. */
    static long syntheticDeployment() {
        return 1_000_000_000L + (System.nanoTime() & 0xffffff);
    }

    @Test
    void two_instances_histograms_of_one_window_add_up_to_the_histogram_of_all_their_events() {
        long deployment = syntheticDeployment();
        Instant window = Resolution.FIVE_MINUTES.floor(Instant.now()).minus(Duration.ofHours(2));
        Random random = new Random(7);
        List<PredictionEvent> a = new ArrayList<>();
        List<PredictionEvent> b = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            // the two instances see different traffic: b's is slower
            double latency = i % 2 == 0 ? 5 + random.nextDouble() * 20 : 50 + Math.abs(random.nextGaussian()) * 100;
            var event = new PredictionEvent(
                    "r" + i, window.plusMillis(i), latency, i % 40 == 0, null, null, null, null, null);
            (i % 2 == 0 ? a : b).add(event);
            all.add(latency);
        }
        write("instance-a", deployment, a);
        write("instance-b", deployment, b);

        var windows = store.windows(deployment, Resolution.FIVE_MINUTES, window, window.plus(Duration.ofMinutes(5)));

        assertThat(windows).hasSize(1);
        var w = TrafficWindow.of(Resolution.FIVE_MINUTES, windows.getFirst());
        assertThat(w.instances()).isEqualTo(2);
        assertThat(w.count()).isEqualTo(4000);
        assertThat(w.errors()).isEqualTo(100);
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertThat(w.latencyP50Ms()).isCloseTo(exact(sorted, 50), within(exact(sorted, 50) * 0.01));
        assertThat(w.latencyP95Ms()).isCloseTo(exact(sorted, 95), within(exact(sorted, 95) * 0.01));
        assertThat(w.latencyP99Ms()).isCloseTo(exact(sorted, 99), within(exact(sorted, 99) * 0.01));

        // a second flush of the same instance adds to its row instead of replacing it
        write("instance-a", deployment, a.subList(0, 10));
        var again = store.windows(deployment, Resolution.FIVE_MINUTES, window, window.plus(Duration.ofMinutes(5)));
        assertThat(again.getFirst().count()).isEqualTo(4010);
        var hour = store.windows(
                deployment, Resolution.ONE_HOUR, Resolution.ONE_HOUR.floor(window), window.plus(Duration.ofHours(1)));
        assertThat(hour.getFirst().count()).isEqualTo(4010);
    }

    @Test
    void a_batch_accepted_but_never_aggregated_is_folded_in_from_the_raw_events_after_a_crash() {
        long deployment = syntheticDeployment();
        Instant window = Resolution.FIVE_MINUTES.floor(Instant.now()).minus(Duration.ofMinutes(15));
        List<PredictionEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(new PredictionEvent(
                    "crash-" + i,
                    window.plusSeconds(i),
                    10.0 + i,
                    i < 30,
                    i < 30 ? "Boom" : null,
                    "{\"age\": " + i + "}",
                    "1",
                    0.5,
                    "f"));
        }
        aggregator.flush();
        // what an instance leaves behind when it dies right after the 202: events and ingest row, no aggregate
        long ingestId = tx.execute(s -> writer.write(deployment, null, events, "crashed-instance", Instant.now()));
        assertThat(store.windows(deployment, Resolution.FIVE_MINUTES, window, window.plus(Duration.ofMinutes(5))))
                .isEmpty();

        recovery.recover(Instant.now().plusSeconds(1), 1000);

        var w = store.windows(deployment, Resolution.FIVE_MINUTES, window, window.plus(Duration.ofMinutes(5)));
        assertThat(w).hasSize(1);
        assertThat(w.getFirst().count()).isEqualTo(300);
        assertThat(w.getFirst().errors()).isEqualTo(30);
        assertThat(jdbc.queryForObject(
                        "select aggregated_at is not null from monitor.ingest where id = ?", Boolean.class, ingestId))
                .isTrue();
        // folded once only
        recovery.recover(Instant.now().plusSeconds(1), 1000);
        assertThat(store.windows(deployment, Resolution.FIVE_MINUTES, window, window.plus(Duration.ofMinutes(5)))
                        .getFirst()
                        .count())
                .isEqualTo(300);
    }

    @Test
    void daily_partitions_exist_ahead_and_those_past_the_retention_are_dropped() {
        // the hourly upkeep, as it runs at start-up and every hour (the context may have started before midnight)
        org.springframework.test.util.AopTestUtils.<EventPartitions>getUltimateTargetObject(partitions)
                .maintain();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(partitions.partitions())
                .contains(
                        "event_" + today.toString().replace("-", ""),
                        "event_" + today.plusDays(3).toString().replace("-", ""));
        LocalDate old = LocalDate.of(2001, 2, 3);
        partitions.ensure(old);
        assertThat(partitions.partitions()).contains("event_20010203");

        var dropped = partitions.dropOlderThan(Instant.parse("2001-02-04T00:00:00Z"));

        assertThat(dropped).containsExactly("event_20010203");
        assertThat(partitions.partitions())
                .doesNotContain("event_20010203")
                .contains("event_" + today.toString().replace("-", ""));
    }

    @Test
    void a_day_whose_events_already_sit_in_the_default_partition_is_skipped_without_failing_the_others() {
        jdbc.update(
                "insert into monitor.event_default (deployment_id, ts, request_id, error, ingest_id) "
                        + "values (?, '1999-05-05T12:00:00Z', 'stray', false, 0)",
                syntheticDeployment());
        try {
            partitions.ensure(LocalDate.of(1999, 5, 5));
            partitions.ensure(LocalDate.of(1999, 5, 6));

            assertThat(partitions.partitions()).doesNotContain("event_19990505").contains("event_19990506");
        } finally {
            partitions.dropOlderThan(Instant.parse("1999-05-08T00:00:00Z"));
            jdbc.update("delete from monitor.event_default where request_id = 'stray'");
        }
    }

    private void write(String instance, long deployment, List<PredictionEvent> events) {
        Map<Key, Delta> deltas = new HashMap<>();
        WindowAggregator.fold(deltas, deployment, events);
        tx.executeWithoutResult(s -> store.add(instance, deltas, Instant.now()));
    }

    private static double exact(double[] sorted, int percentile) {
        return sorted[(int) Math.ceil(percentile / 100.0 * sorted.length) - 1];
    }
}
