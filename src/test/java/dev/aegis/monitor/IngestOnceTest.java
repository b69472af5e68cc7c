package dev.aegis.monitor;

import static dev.aegis.monitor.MonitorFixtures.deploymentJson;
import static dev.aegis.monitor.MonitorFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.shared.Actors;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The at-least-once sources (Kafka after a crash, the KServe logger's retries) deliver an event again: kept once. */
@AegisTest
class IngestOnceTest {

    @LocalServerPort
    int port;

    @Autowired
    MonitorFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IngestService ingest;

    @Test
    void an_event_timed_to_the_nanosecond_delivered_twice_is_kept_once() {
        String name = uniqueName("once");
        assertThat(new Http(port)
                        .post("/monitor/v1/deployments", fixtures.token(), deploymentJson(name, null))
                        .statusCode())
                .isEqualTo(201);
        // nanoseconds past the microsecond that a driver rounds up and PostgreSQL cannot keep
        Instant at =
                Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).plusNanos(123_456_789);
        String body = MonitorFixtures.batch(List.of(
                MonitorFixtures.event("first", at, 12.5, false),
                MonitorFixtures.event("second", at.plusMillis(1), 13.5, false)));

        deliver(name, body);
        deliver(name, body);

        assertThat(jdbc.queryForList(
                        "select request_id from monitor.event e join monitor.deployment d on d.id = e.deployment_id "
                                + "where d.name = ? order by request_id",
                        String.class,
                        name))
                .containsExactly("first", "second");
    }

    private void deliver(String deployment, String body) {
        Actors.runAsSystem(
                Set.of(Permissions.SYSTEM_INGEST),
                () -> assertThat(ingest.ingestOnce(
                                        deployment, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                                .rejected())
                        .isZero());
    }
}
