package dev.aegis.monitor;

import static dev.aegis.monitor.MonitorFixtures.deploymentJson;
import static dev.aegis.monitor.MonitorFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka consumer against a real broker (KRaft, in the test JVM): events are stored before their offsets are
 * committed, a consumer that dies before committing leaves them to be delivered again, and the next consumer of the
 * group stores nothing twice.
 */
@AegisTest
class KafkaIngestionTest {

    @LocalServerPort
    int port;

    @Autowired
    MonitorFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IngestService ingest;

    @Autowired
    KServeIngestion kserve;

    @Autowired
    JsonMapper json;

    @Test
    void a_consumer_that_dies_before_committing_leaves_its_events_to_the_next_and_none_is_stored_twice()
            throws Exception {
        String name = uniqueName("kafka");
        assertThat(new Http(port)
                        .post("/monitor/v1/deployments", fixtures.token(), deploymentJson(name, null))
                        .statusCode())
                .isEqualTo(201);
        long id = jdbc.queryForObject("select id from monitor.deployment where name = ?", Long.class, name);
        String topic = "aegis-events";
        String group = "aegis-monitor-" + name;
        var broker = new EmbeddedKafkaKraftBroker(1, 2, topic);
        broker.afterPropertiesSet();
        try {
            Instant at = Instant.now().minusSeconds(30);
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                for (int i = 0; i < 40; i++) {
                    // one event per record, and a batch of two in the last records
                    String value = i < 38
                            ? MonitorFixtures.event("k-" + i, at.plusMillis(i), 12.5, false)
                            : MonitorFixtures.batch(List.of(
                                    MonitorFixtures.event("k-" + i + "a", at.plusMillis(i), 10, false),
                                    MonitorFixtures.event("k-" + i + "b", at.plusMillis(i), 11, true)));
                    producer.send(new ProducerRecord<>(topic, "key-" + i, value));
                }
                producer.send(new ProducerRecord<>(topic, "key-bad", "not json"));
                producer.flush();
            }
            var settings = new KafkaIngestion.Settings(
                    broker.getBrokersAsString(), group, List.of(topic + ":" + name), List.of(), 1, Map.of());

            var crashing = new KafkaIngestion(settings, ingest, kserve, json, new SimpleMeterRegistry());
            crashing.acknowledge = false;
            crashing.start();
            waitFor(() -> events(id) == 42);
            crashing.stop();
            assertThat(committed(broker, group, topic))
                    .as("nothing committed by the consumer that died")
                    .isZero();

            var meters = new SimpleMeterRegistry();
            var next = new KafkaIngestion(settings, ingest, kserve, json, meters);
            next.start();
            try {
                waitFor(() -> committed(broker, group, topic) == 41);
                assertThat(meters.get("aegis.monitor.kafka.records").counter().count())
                        .as("every record delivered again")
                        .isEqualTo(41.0);
                assertThat(meters.get("aegis.monitor.kafka.refused").counter().count())
                        .as("the record that is no JSON")
                        .isEqualTo(1.0);
            } finally {
                next.stop();
            }
            assertThat(events(id)).as("no event stored twice").isEqualTo(42);
            assertThat(jdbc.queryForObject(
                            "select count(distinct request_id) from monitor.event where deployment_id = ?",
                            Long.class,
                            id))
                    .isEqualTo(42L);
            assertThat(jdbc.queryForObject(
                            "select count(*) from monitor.event where deployment_id = ? and error", Long.class, id))
                    .isEqualTo(2L);
        } finally {
            broker.destroy();
        }
    }

    private long events(long deploymentId) {
        return jdbc.queryForObject(
                "select count(*) from monitor.event where deployment_id = ?", Long.class, deploymentId);
    }

    /** The offsets the group has committed, summed over the topic's partitions. */
    private static long committed(EmbeddedKafkaKraftBroker broker, String group, String topic) {
        return broker.doWithAdminFunction(admin -> {
            try {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get();
                return offsets.entrySet().stream()
                        .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset())
                        .sum();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Waits for the consumer (up to two minutes on a busy machine); the assertions that follow say what is wrong. */
    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        while (!condition.getAsBoolean() && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
    }
}
