package dev.aegis.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.RunningAegis;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL restarts under a running Aegis: while it is down, requests get a clear 503 quickly; once it is back,
 * the same Aegis serves again without being restarted.
 */
class DatabaseRestartIntegrationTest {

    private static final String TOKEN = "aeg_restart-test-token-0123456789abcdef";
    private static final String API = "/api/v1/audit/verify";

    @TempDir
    Path dataDir;

    @Test
    void while_the_database_is_down_the_api_answers_503_and_after_its_restart_it_works_again() throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = startPostgres(port);
        try (RunningAegis aegis = RunningAegis.start(
                "spring.datasource.url=jdbc:postgresql://localhost:" + port + "/aegis",
                "spring.datasource.username=postgres",
                "spring.datasource.password=",
                "aegis.bootstrap-token=" + TOKEN,
                "aegis.db.connection-timeout-ms=1000")) {
            assertThat(aegis.get(API, TOKEN).statusCode()).isEqualTo(200);

            postgres.close();

            Instant asked = Instant.now();
            HttpResponse<String> down = aegis.get(API, TOKEN);
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(5));
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(down.body())
                    .contains("\"status\":503")
                    .contains("The database cannot be reached right now")
                    .doesNotContain("Exception")
                    .doesNotContain("at org.");
            assertThat(aegis.get("/actuator/health", null).statusCode()).isEqualTo(503);

            postgres = startPostgres(port);

            assertThat(firstAnswerWithin(aegis, Duration.ofSeconds(20)).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> health = aegis.get("/actuator/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        } finally {
            postgres.close();
        }
    }

    /** Asks until Aegis answers something other than 503; each try waits at most one pool timeout, so no sleep. */
    private static HttpResponse<String> firstAnswerWithin(RunningAegis aegis, Duration patience) throws Exception {
        Instant until = Instant.now().plus(patience);
        HttpResponse<String> response = aegis.get(API, TOKEN);
        while (response.statusCode() == 503 && Instant.now().isBefore(until)) {
            response = aegis.get(API, TOKEN);
        }
        return response;
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
