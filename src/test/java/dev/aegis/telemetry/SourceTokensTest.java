package dev.aegis.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.crypto.SecretBox;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Telemetry sources' tokens at rest: the database row holds no token, and the source still authenticates. */
@AegisTest
class SourceTokensTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TelemetryService telemetry;

    @Autowired
    MonitorClient client;

    @Autowired
    SourceTokens tokens;

    @Autowired
    SecretBox secrets;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_sources_token_is_stored_sealed_and_the_source_still_authenticates_with_it() {
        String token = monitorToken("sealed");
        TestAccounts.signIn(accounts.create("sealing-admin", Role.ADMIN));
        TelemetrySource source = telemetry.addSource(new SourceDetails(
                "sealed-" + System.nanoTime(), TelemetrySource.Kind.AEGIS_MONITOR, "http://localhost:" + port, token));

        Map<String, Object> row = row(source.getId());
        assertThat((String) row.get("token")).isNotBlank().doesNotContain(token).doesNotContain(token.substring(8, 30));
        assertThat(row.get("token_key")).isEqualTo(secrets.currentKeyId());
        assertThat(client.monitor(telemetry.source(source.getId()), "/monitor/v1/deployments")
                        .ok())
                .isTrue();

        // the sealed value is what authenticates: a source with another token is refused
        TelemetrySource wrong = telemetry.addSource(new SourceDetails(
                "unsealed-" + System.nanoTime(),
                TelemetrySource.Kind.AEGIS_MONITOR,
                "http://localhost:" + port,
                token + "x"));
        assertThat(client.monitor(telemetry.source(wrong.getId()), "/monitor/v1/deployments")
                        .problem())
                .contains("refused the token");
    }

    @Test
    void a_token_kept_in_plaintext_before_the_migration_is_sealed_at_start_and_still_authenticates() throws Exception {
        String token = monitorToken("legacy");
        long id = jdbc.queryForObject(
                "insert into telemetry.source (name, kind, base_url, token, created_by, created_at) "
                        + "values (?, 'AEGIS_MONITOR', ?, ?, 'test', now()) returning id",
                Long.class,
                "legacy-" + System.nanoTime(),
                "http://localhost:" + port,
                token);
        assertThat(row(id).get("token_key")).isNull();

        tokens.run(null); // what every start does

        assertThat((String) row(id).get("token")).doesNotContain(token);
        assertThat(row(id).get("token_key")).isEqualTo(secrets.currentKeyId());
        TestAccounts.signIn(accounts.create("legacy-admin", Role.ADMIN));
        assertThat(client.monitor(telemetry.source(id), "/monitor/v1/deployments")
                        .ok())
                .isTrue();
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("select token, token_key from telemetry.source where id = ?", id);
    }

    private String monitorToken(String name) {
        String personal = accounts.tokenFor(accounts.create(name + "-monitor-admin", Role.ADMIN));
        var made = new Http(port).post("/api/v1/monitor/tokens", personal, "{\"name\": \"" + name + "\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        return Http.json(made).path("token").asString();
    }
}
