package dev.aegis.finding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.finding.FindingFixtures.Governed;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.telemetry.TelemetryEvents.Outcome;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@AegisTest
class FindingApiTest {

    @LocalServerPort
    int port;

    @Autowired
    FindingFixtures fixtures;

    @Autowired
    Findings findings;

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_finding_is_listed_read_with_its_timeline_and_moved_through_its_workflow_with_its_version() {
        Governed g = fixtures.governed("Api");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        fixtures.publish(fixtures.result(g, FindingFixtures.nextId(), Outcome.FAILED, 0.3, now.minusSeconds(60)));
        fixtures.publish(fixtures.result(g, FindingFixtures.nextId(), Outcome.PASSED, 0.1, now));
        long id = findings.findByCause("test:" + g.testId()).orElseThrow().getId();
        Http http = new Http(port);
        String owner = accounts.tokenFor(g.owner());

        var list = Http.json(http.get("/api/v1/findings?system=" + g.systemId() + "&open=true&sort=severity", owner));
        assertThat(list.path("totalElements").asLong()).isEqualTo(1);
        assertThat(list.path("content").get(0).path("id").asLong()).isEqualTo(id);

        HttpResponse<String> one = http.get("/api/v1/findings/" + id, owner);
        assertThat(one.statusCode()).isEqualTo(200);
        var json = Http.json(one);
        assertThat(json.path("risks").get(0).asLong()).isEqualTo(g.riskId());
        assertThat(json.path("timeline").size()).isEqualTo(2);
        assertThat(json.path("timeline").get(0).path("figure").asDouble()).isEqualTo(0.3);
        assertThat(json.path("timeline").get(1).path("kind").asText()).isEqualTo("RECOVERY");
        long version = json.path("version").asLong();

        HttpResponse<String> missing = http.post(
                "/api/v1/findings/" + id + "/resolve",
                owner,
                "{\"expectedVersion\": " + version + ", \"rootCause\": \"\", \"actionTaken\": \"Retrained\"}");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(Http.json(missing).path("detail").asText()).isEqualTo("Say what caused the finding.");

        HttpResponse<String> stale = http.post(
                "/api/v1/findings/" + id + "/investigate", owner, "{\"expectedVersion\": " + (version + 5) + "}");
        assertThat(stale.statusCode()).isEqualTo(409);

        HttpResponse<String> resolved = http.post(
                "/api/v1/findings/" + id + "/resolve",
                owner,
                "{\"expectedVersion\": " + version
                        + ", \"rootCause\": \"New clinic\", \"actionTaken\": \"Retrained\"}");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(Http.json(resolved).path("state").asText()).isEqualTo("RESOLVED");

        String auditor = accounts.tokenFor(accounts.create("auditor", Role.AUDITOR));
        HttpResponse<String> denied = http.post(
                "/api/v1/findings/" + id + "/reopen",
                auditor,
                "{\"expectedVersion\": " + Http.json(resolved).path("version").asLong() + ", \"reason\": \"No\"}");
        assertThat(denied.statusCode()).isEqualTo(403);

        String stranger = accounts.tokenFor(accounts.create("stranger", Role.SYSTEM_OWNER));
        assertThat(http.get("/api/v1/findings/" + id, stranger).statusCode()).isEqualTo(404);
    }
}
