package dev.aegis.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.aegis.RunningAegis;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On a machine with no PostgreSQL configured and none on localhost:5432, Aegis starts its own embedded server and
 * keeps its data from one start to the next.
 */
class EmbeddedDatabaseIntegrationTest {

    private static final String TOKEN = "aeg_embedded-test-token-0123456789abcdef";

    @TempDir
    Path dataDir;

    @Test
    void aegis_without_a_database_runs_on_its_embedded_postgresql_and_keeps_its_data_across_restarts()
            throws Exception {
        int closedPort = closedPort();
        Map<String, Object> admin;
        long auditEntries;
        try (RunningAegis aegis = startWithoutDatabase(closedPort, "aegis.bootstrap-token=" + TOKEN)) {
            assertThat(jdbcUrl(aegis)).doesNotContain(":5432/").doesNotContain(":" + closedPort + "/");
            assertThat(dataDir.resolve("PG_VERSION")).exists();

            HttpResponse<String> health = aegis.get("/actuator/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");

            admin = jdbc(aegis).queryForMap("select id, created_at from security.app_user where username = 'admin'");
            auditEntries = verifiedAuditEntries(aegis);
            assertThat(auditEntries)
                    .as("registering the bootstrap token is audited")
                    .isPositive();
        }

        // no bootstrap token this time: what works now was kept by the embedded server
        try (RunningAegis aegis = startWithoutDatabase(closedPort)) {
            assertThat(jdbc(aegis).queryForMap("select id, created_at from security.app_user where username = 'admin'"))
                    .isEqualTo(admin);
            assertThat(jdbc(aegis).queryForObject("select count(*) from security.app_user", Long.class))
                    .isEqualTo(1);
            assertThat(verifiedAuditEntries(aegis)).isEqualTo(auditEntries);
        }
    }

    private RunningAegis startWithoutDatabase(int closedPort, String... more) {
        String[] settings = new String[3 + more.length];
        settings[0] = "spring.datasource.url=";
        settings[1] = "aegis.db.probe-port=" + closedPort;
        settings[2] = "aegis.embedded-db.dir=" + dataDir;
        System.arraycopy(more, 0, settings, 3, more.length);
        return RunningAegis.start(settings);
    }

    private static long verifiedAuditEntries(RunningAegis aegis) throws Exception {
        HttpResponse<String> verify = aegis.get("/api/v1/audit/verify", TOKEN);
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(verify.body()).contains("\"intact\":true");
        return jdbc(aegis).queryForObject("select count(*) from audit.audit_entry", Long.class);
    }

    private static JdbcTemplate jdbc(RunningAegis aegis) {
        return aegis.context().getBean(JdbcTemplate.class);
    }

    private static String jdbcUrl(RunningAegis aegis) {
        return aegis.context().getBean(HikariDataSource.class).getJdbcUrl();
    }

    /** A port nothing listens on: taken free from the system and given back at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
