package dev.aegis.aims;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AegisTest
class ImpactAssessmentApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AiSystemService systems;

    @Test
    void the_api_starts_an_assessment_flags_a_high_impact_and_approves_with_four_eyes_while_auditors_read()
            throws Exception {
        AegisUser author = accounts.create("ia-api-author", Role.GOVERNANCE_OFFICER);
        String a = accounts.tokenFor(author);
        String b = accounts.tokenFor(accounts.create("ia-api-approver", Role.GOVERNANCE_OFFICER));
        String auditor = accounts.tokenFor(accounts.create("ia-api-auditor", Role.AUDITOR));
        TestAccounts.signIn(author);
        long system = systems.register(diagnosisAssistant("IA API system " + System.nanoTime(), "owner"))
                .getId();
        TestAccounts.signOut();
        String body =
                """
                {"systemId": %d, "assessment": {"owner": "%s", "intendedUse": "Suggests diagnoses",
                 "misuse": "Unread acceptance", "stakeholders": "Patients", "measures": "A physician confirms",
                 "residualImpact": "Low", "reviewBy": "%s",
                 "impacts": [{"on": "GROUPS", "description": "Longer waits", "likelihood": 3, "severity": 4}]}}""".formatted(system, author.getUsername(), LocalDate.now().plusMonths(6));

        HttpResponse<String> missing = send(
                "POST",
                "/api/v1/aims/impact-assessments",
                a,
                null,
                body.replace("\"misuse\": \"Unread acceptance\", ", ""));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Http.json(missing).path("errors").get(0).path("pointer").asString())
                .isEqualTo("/assessment/misuse");

        HttpResponse<String> started = send("POST", "/api/v1/aims/impact-assessments", a, null, body);
        assertThat(started.statusCode()).isEqualTo(201);
        JsonNode json = Http.json(started);
        long id = json.path("id").asLong();
        String etag = started.headers().firstValue("ETag").orElseThrow();
        JsonNode impact = json.path("versions").get(0).path("impacts").get(0);
        assertThat(impact.path("level").asString()).isEqualTo("High");
        assertThat(impact.path("flagged").asBoolean()).isTrue();

        String approval = """
                {"effectiveFrom": "%s"}""".formatted(LocalDate.now());
        HttpResponse<String> own =
                send("POST", "/api/v1/aims/impact-assessments/" + id + "/approve", a, etag, approval);
        assertThat(own.statusCode()).isEqualTo(422);
        assertThat(own.body()).contains("four-eyes rule");
        assertThat(send("POST", "/api/v1/aims/impact-assessments/" + id + "/approve", b, "\"99\"", approval)
                        .statusCode())
                .isEqualTo(409);
        assertThat(send("POST", "/api/v1/aims/impact-assessments/" + id + "/approve", auditor, etag, approval)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> approved =
                send("POST", "/api/v1/aims/impact-assessments/" + id + "/approve", b, etag, approval);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(Http.json(approved).path("versions").get(0).path("stage").asString())
                .isEqualTo("APPROVED");

        JsonNode read = Http.json(send("GET", "/api/v1/aims/impact-assessments/" + id, auditor, null, null));
        assertThat(read.path("reference").asString()).matches("IA-\\d{3}");
        HttpResponse<String> csv =
                send("GET", "/api/v1/aims/impact-assessments/export?format=csv", auditor, null, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body())
                .contains("Reference,AI system,Owner")
                .contains(read.path("reference").asString());
    }

    private HttpResponse<String> send(String method, String path, String token, String ifMatch, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", path.contains("export") ? "*/*" : "application/json")
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
