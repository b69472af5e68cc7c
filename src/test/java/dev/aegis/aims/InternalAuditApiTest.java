package dev.aegis.aims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AegisTest
class InternalAuditApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    InternalAudits audits;

    @Autowired
    dev.aegis.framework.FrameworkCatalog catalog;

    @AfterEach
    void forgetAudits() {
        audits.deleteAll();
    }

    @Test
    void the_api_plans_and_runs_an_audit_and_answers_refusals_as_problem_details() throws Exception {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        AegisUser auditor = accounts.create("auditor", Role.AUDITOR);
        String o = accounts.tokenFor(officer);
        String a = accounts.tokenFor(auditor);

        HttpResponse<String> missing = send("POST", "/api/v1/aims/audits", o, null, """
                {"title": "AIMS audit", "scope": "Head office", "auditors": []}""");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");

        HttpResponse<String> byAuditor = send("POST", "/api/v1/aims/audits", a, null, plan(auditor));
        assertThat(byAuditor.statusCode()).isEqualTo(403);

        HttpResponse<String> created = send("POST", "/api/v1/aims/audits", o, null, plan(auditor));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode audit = Http.json(created);
        long id = audit.path("id").asLong();
        assertThat(audit.path("reference").asString()).startsWith("AUD-");

        TestAccounts.signIn(officer);
        long clause = catalog.find("ISO-IEC-42001-2023", "9.2.2").orElseThrow().id();
        TestAccounts.signOut();
        HttpResponse<String> criteria = send(
                "POST",
                "/api/v1/aims/audits/" + id + "/criteria",
                o,
                created.headers().firstValue("ETag").orElseThrow(),
                "{\"requirementIds\": [" + clause + "]}");
        assertThat(criteria.statusCode()).as(criteria.body()).isEqualTo(200);
        String etag = criteria.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> stale = send("POST", "/api/v1/aims/audits/" + id + "/start", a, "\"99\"", null);
        assertThat(stale.statusCode()).isEqualTo(409);
        HttpResponse<String> started = send("POST", "/api/v1/aims/audits/" + id + "/start", a, etag, null);
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(Http.json(started).path("status").asString()).isEqualTo("IN_PROGRESS");

        HttpResponse<String> early = send(
                "POST",
                "/api/v1/aims/audits/" + id + "/complete",
                a,
                started.headers().firstValue("ETag").orElseThrow(),
                """
                {"conclusion": "All good"}""");
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(Http.json(early).path("errors").get(0).path("field").asString())
                .isEqualTo("conclusion");

        HttpResponse<String> csv = send("GET", "/api/v1/aims/audits/export?format=csv", a, null, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body())
                .contains("Reference")
                .contains(audit.path("reference").asString())
                .contains("In progress");
    }

    private static String plan(AegisUser auditor) {
        return """
                {"title": "AIMS audit", "scope": "Head office", "auditors": ["%s"], "plannedFrom": "%s"}""".formatted(auditor.getUsername(), LocalDate.now());
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
