package dev.aegis.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A crash between a telemetry result's commit and its listeners loses nothing. Aegis runs as a real JVM of its own
 * (the test classpath, {@code dev.aegis.Application}), its module listeners held at their start by the test-only
 * {@code aegis.events.test-listener-pause}. A failed result is recorded through the API; once it has committed, the
 * process is killed with SIGKILL ({@link Process#destroyForcibly()}). Started again on the same database, Aegis
 * delivers the incomplete publications again, and the finding and the evidence record each exist exactly once.
 */
class TelemetryCrashTest {

    static final String SERVER = System.getenv().getOrDefault("AEGIS_TEST_DB_SERVER", "localhost:5432");
    static final String USER = System.getenv().getOrDefault("AEGIS_TEST_DB_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("AEGIS_TEST_DB_PASSWORD", "");
    static final String TOKEN = "aeg_crash-test-bootstrap-token-0123456789";
    static final String SYSTEM_BODY = """
            {"name": "Crash-tested scorer", "purpose": "Scores credit applications", "lifecycleStage": "DEPLOYMENT",
             "deployment": "IN_HOUSE", "modelType": "CLASSIFIER", "dataCategories": ["PERSONAL_DATA"],
             "peopleAffected": ["CUSTOMERS"], "autonomy": "AUTONOMOUS", "euAiActTier": "UNASSESSED",
             "euAiActRole": "NONE", "status": "ACTIVE"}""";

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String database;
    HttpServer prometheus;
    Process aegis;
    int port;

    @BeforeEach
    void databaseAndPrometheus() throws Exception {
        database =
                "aegis_crash_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        admin("create database " + database);
        // a Prometheus that always answers PSI 0.9: every run of the test fails
        prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        prometheus.createContext("/api/v1/query", exchange -> {
            byte[] body = ("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
                            + "\"value\":[" + Instant.now().getEpochSecond() + ",\"0.9\"]}]}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        prometheus.start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (aegis != null && aegis.isAlive()) {
            aegis.destroyForcibly().waitFor();
        }
        if (prometheus != null) {
            prometheus.stop(0);
        }
        admin("drop database if exists " + database + " with (force)");
    }

    @Test
    void a_kill_after_the_result_commits_and_before_its_listeners_finish_loses_neither_finding_nor_evidence()
            throws Exception {
        start("held", "--aegis.events.test-listener-pause=10m");
        long system = id(post("/api/v1/ai-systems", SYSTEM_BODY));
        long control = id(post("/api/v1/controls", """
                {"title": "Input drift watched", "description": "PSI below 0.2", "type": "DETECTIVE",
                 "owner": "admin", "status": "IMPLEMENTED", "testFrequency": "CONTINUOUS", "requirements": {},
                 "risks": []}"""));
        post(
                "/api/v1/controls/" + control + "/applications",
                "{\"systemIds\": [" + system + "], \"status\": \"IMPLEMENTED\"}");
        long source = id(post(
                "/api/v1/telemetry/sources",
                "{\"name\": \"prometheus\", \"kind\": \"PROMETHEUS\"," + " \"baseUrl\": \"http://127.0.0.1:"
                        + prometheus.getAddress().getPort() + "\"}"));
        post(
                "/api/v1/systems/" + system + "/deployments",
                "{\"sourceId\": " + source + ", \"deployment\": \"credit\"}");
        long test = id(post(
                "/api/v1/telemetry/tests",
                "{\"controlId\": " + control + ", \"systemId\": " + system
                        + ", \"metric\": \"PSI\", \"comparison\": \"LT\", \"threshold\": 0.2, \"window\": \"5m\","
                        + " \"minSampleSize\": 0, \"query\": \"max(aegis_psi)\"}"));

        String run = post("/api/v1/systems/" + system + "/telemetry-tests/run", "");
        assertThat(run).contains("FAILED");
        // the result has committed with its two publications (finding, evidence); the listeners are held
        assertThat(count("select count(*) from telemetry.test_result where test_id = " + test))
                .isEqualTo(1);
        await(
                () -> count("select count(*) from events.event_publication where completion_date is null"
                                + " and event_type like '%ControlTestRecorded'")
                        == 2,
                Duration.ofSeconds(30));
        assertThat(count("select count(*) from finding.finding where cause = 'test:" + test + "'"))
                .isZero();
        assertThat(count(
                        "select count(*) from evidence.evidence_item where record_key = 'telemetry-test:" + test + "'"))
                .isZero();

        aegis.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no listener finishes

        // as in production, the restart answers first and resubmits what the crash left in the background
        start("restarted", "--aegis.startup.background=true");
        await(
                () -> count("select count(*) from finding.finding where cause = 'test:" + test + "'") == 1
                        && count("select count(*) from evidence.evidence_item where record_key = 'telemetry-test:"
                                        + test + "'")
                                == 1
                        && count("select count(*) from events.event_publication where completion_date is null") == 0,
                Duration.ofSeconds(90));
        assertThat(count("select count(*) from finding.finding where cause = 'test:" + test + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from finding.occurrence o join finding.finding f on f.id = o.finding_id"
                        + " where f.cause = 'test:" + test + "'"))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from evidence.evidence_item where record_key = 'telemetry-test:" + test + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from evidence.evidence_version v join evidence.evidence_item i"
                        + " on i.id = v.item_id where i.record_key = 'telemetry-test:" + test + "'"))
                .isEqualTo(1);
        // the loop's own work is the system's in the audit log
        assertThat(count("select count(*) from audit.audit_entry where object_type = 'Finding' and action = 'OPEN'"
                        + " and actor = 'system'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit.audit_entry where object_type = 'TelemetryTest'"
                        + " and action = 'RECORD_FAILED' and object_id = '" + test + "' and actor = 'system'"))
                .isEqualTo(1);
    }

    // ---- the process ---------------------------------------------------------------------------------------------

    void start(String name, String... extra) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.aegis.Application",
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:postgresql://" + SERVER + "/" + database,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--aegis.admin-password=Crash-Test-Harbor-Lantern-93",
                "--aegis.bootstrap-token=" + TOKEN,
                // the monitor stays on: the test classpath's fixtures (MonitorFixtures) need its beans
                "--aegis.telemetry.test-interval-ms=3600000",
                "--aegis.telemetry.alert-interval-ms=3600000",
                "--vaadin.devmode.devTools.enabled=false"));
        command.addAll(List.of(extra));
        Path log = Path.of("target", "crash-test-" + name + ".log");
        Files.createDirectories(log.getParent());
        aegis = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // generous: on a 2-core machine shared by several builds a start took over 4 minutes
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            assertThat(aegis.isAlive())
                    .as("Aegis stopped while starting; see " + log)
                    .isTrue();
            try {
                if (http.send(
                                        HttpRequest.newBuilder(
                                                        URI.create("http://localhost:" + port + "/actuator/health"))
                                                .timeout(Duration.ofSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Aegis was not healthy within 10 minutes; see " + log);
    }

    String post(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " answered " + r.body()).isBetween(200, 299);
        return r.body();
    }

    static long id(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(m.find()).as("an id in " + json).isTrue();
        return Long.parseLong(m.group(1));
    }

    long count(String sql) {
        try (Connection c =
                        DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/" + database, USER, PASSWORD);
                var st = c.createStatement();
                var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not so within " + within);
            }
            Thread.sleep(500);
        }
    }

    static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, PASSWORD);
                var st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
