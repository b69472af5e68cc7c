package dev.aegis.euaiact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AegisTest
class EuAiActApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    static final String SYSTEM = """
            {"name": "%s", "purpose": "Screens CVs of applicants", "lifecycleStage": "DEPLOYMENT",
             "deployment": "IN_HOUSE", "modelType": "CLASSIFIER", "dataCategories": ["PERSONAL_DATA"],
             "peopleAffected": ["CUSTOMERS"], "autonomy": "AUTONOMOUS", "euAiActTier": "%s",
             "euAiActRole": "%s", "status": "ACTIVE"}""";

    @Test
    void an_officer_classifies_over_the_api_and_the_tier_then_changes_only_through_classification() throws Exception {
        String token = accounts.tokenFor(accounts.create("api-officer", Role.GOVERNANCE_OFFICER));
        String name = "CV screening " + System.nanoTime();
        HttpResponse<String> created =
                send("POST", "/api/v1/ai-systems", token, null, SYSTEM.formatted(name, "UNASSESSED", "NONE"));
        assertThat(created.statusCode()).isEqualTo(201);
        long id = Http.json(created).path("id").asLong();

        HttpResponse<String> classified = send(
                "POST",
                "/api/v1/systems/" + id + "/eu-ai-act/classifications",
                token,
                null,
                "{\"aiSystem\": true, \"annexIIIUses\": [\"4(a)\"], \"profiling\": true, \"roles\": [\"DEPLOYER\"]}");
        assertThat(classified.statusCode()).isEqualTo(201);
        assertThat(Http.json(classified).path("tier").asString()).isEqualTo("HIGH");

        JsonNode standing = Http.json(send("GET", "/api/v1/systems/" + id + "/eu-ai-act", token, null, null));
        assertThat(standing.path("current").path("number").asInt()).isEqualTo(1);
        assertThat(standing.path("current").path("role").asString()).isEqualTo("DEPLOYER");
        assertThat(standing.path("history").size()).isEqualTo(1);
        assertThat(standing.path("duties").toString()).contains("Article 26");

        HttpResponse<String> read = send("GET", "/api/v1/ai-systems/" + id, token, null, null);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> lowered =
                send("PUT", "/api/v1/ai-systems/" + id, token, etag, SYSTEM.formatted(name, "MINIMAL", "DEPLOYER"));
        assertThat(lowered.statusCode()).isEqualTo(422);
        assertThat(lowered.body())
                .contains("\"field\":\"euAiActTier\"")
                .contains("only through the system's classification");

        HttpResponse<String> override = send(
                "POST",
                "/api/v1/systems/" + id + "/eu-ai-act/overrides",
                token,
                null,
                "{\"tier\": \"MINIMAL\", \"role\": \"DEPLOYER\"}");
        assertThat(override.statusCode()).isEqualTo(400);
        assertThat(override.body()).contains("\"field\":\"reason\"");
    }

    @Test
    void an_incident_goes_from_record_to_report_over_the_api_and_an_auditor_only_reads() throws Exception {
        String officer = accounts.tokenFor(accounts.create("api-incident-officer", Role.GOVERNANCE_OFFICER));
        String auditor = accounts.tokenFor(accounts.create("api-incident-auditor", Role.AUDITOR));
        HttpResponse<String> system = send(
                "POST",
                "/api/v1/ai-systems",
                officer,
                null,
                SYSTEM.formatted("Incident API " + System.nanoTime(), "UNASSESSED", "NONE"));
        long systemId = Http.json(system).path("id").asLong();
        String aware = LocalDateTime.now(ZoneOffset.UTC)
                .minusDays(1)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();

        HttpResponse<String> missing = send(
                "POST",
                "/api/v1/eu-ai-act/incidents",
                officer,
                null,
                "{\"systemId\": " + systemId + ", \"incident\": {\"title\": \"x\", \"description\": \"y\"}}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("kind").contains("awareAt");

        String body = "{\"systemId\": " + systemId + ", \"incident\": {\"title\": \"Grid outage\", \"description\":"
                + " \"Load forecast failed\", \"kind\": \"CRITICAL_INFRASTRUCTURE\", \"awareAt\": \"" + aware
                + "\", \"zone\": \"UTC\"}}";
        HttpResponse<String> created = send("POST", "/api/v1/eu-ai-act/incidents", officer, null, body);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode incident = Http.json(created);
        assertThat(incident.path("standing").asString()).isEqualTo("Report due soon");
        assertThat(incident.path("countdown").asString()).endsWith("left");
        long id = incident.path("id").asLong();

        assertThat(send("POST", "/api/v1/eu-ai-act/incidents", auditor, null, body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/eu-ai-act/incidents/due", auditor, null, null)
                        .body())
                .contains("\"id\":" + id);

        String now = LocalDateTime.now(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        HttpResponse<String> reported = send(
                "POST",
                "/api/v1/eu-ai-act/incidents/" + id + "/report",
                officer,
                created.headers().firstValue("ETag").orElseThrow(),
                "{\"authority\": \"Bundesnetzagentur\", \"reportedAt\": \"" + now + "\", \"complete\": false}");
        assertThat(reported.statusCode()).isEqualTo(200);
        assertThat(Http.json(reported).path("standing").asString()).isEqualTo("Reported on time");

        HttpResponse<String> stale = send(
                "POST",
                "/api/v1/eu-ai-act/incidents/" + id + "/close",
                officer,
                created.headers().firstValue("ETag").orElseThrow(),
                "{}");
        assertThat(stale.statusCode()).isEqualTo(409);

        HttpResponse<String> csv = sendCsv("/api/v1/eu-ai-act/incidents/export?format=csv", auditor);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Grid outage").contains("Bundesnetzagentur");
    }

    private HttpResponse<String> sendCsv(String path, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "text/csv")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token, String ifMatch, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
