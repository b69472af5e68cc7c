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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AegisTest
class AimsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AimsDocumentService aims;

    @AfterEach
    void withdrawEverything() {
        TestAccounts.signIn(accounts.create("cleaner", Role.GOVERNANCE_OFFICER));
        for (var s : aims.list(List.of())) {
            if (s.inForceNumber() != null || s.latestStatus().isOpen()) {
                aims.withdraw(s.id(), "Test over");
            }
        }
        TestAccounts.signOut();
    }

    @Test
    void the_api_walks_a_policy_through_approval_and_answers_refusals_as_problem_details_naming_the_field()
            throws Exception {
        AegisUser author = accounts.create("author", Role.GOVERNANCE_OFFICER);
        AegisUser approver = accounts.create("approver", Role.GOVERNANCE_OFFICER);
        AegisUser auditor = accounts.create("auditor", Role.AUDITOR);
        String a = accounts.tokenFor(author);
        String b = accounts.tokenFor(approver);

        HttpResponse<String> missing =
                send("POST", "/api/v1/aims/policies", a, null, """
                {"kind": "AI_POLICY", "title": "AI policy", "owner": "%s"}""".formatted(author.getUsername()));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(Http.json(missing).path("errors").get(0).path("pointer").asString())
                .isEqualTo("/text");

        HttpResponse<String> unknownOwner = send("POST", "/api/v1/aims/policies", a, null, """
                {"kind": "AI_POLICY", "title": "AI policy", "owner": "nobody-here", "text": "Be good."}""");
        assertThat(unknownOwner.statusCode()).isEqualTo(422);
        assertThat(Http.json(unknownOwner).path("errors").get(0).path("field").asString())
                .isEqualTo("owner");

        HttpResponse<String> created =
                send("POST", "/api/v1/aims/policies", a, null, """
                {"kind": "AI_POLICY", "title": "AI policy", "owner": "%s", "text": "Be good."}""".formatted(author.getUsername()));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode doc = Http.json(created);
        long id = doc.path("id").asLong();
        String base = "/api/v1/aims/documents/" + id + "/versions/1";
        String lock = "\"" + doc.path("versions").get(0).path("version").asLong() + "\"";

        HttpResponse<String> submitted = send("POST", base + "/submit", a, lock, null);
        assertThat(submitted.statusCode()).isEqualTo(200);
        lock = "\""
                + Http.json(submitted).path("versions").get(0).path("version").asLong() + "\"";

        HttpResponse<String> selfApproved = send("POST", base + "/approve", a, lock, "{}");
        assertThat(selfApproved.statusCode()).isEqualTo(422);
        assertThat(Http.json(selfApproved).path("detail").asString()).contains("four-eyes rule");

        assertThat(send("POST", base + "/approve", b, "\"99\"", "{}").statusCode())
                .as("a stale copy")
                .isEqualTo(409);
        HttpResponse<String> approved = send("POST", base + "/approve", b, lock, """
                {"reviewBy": "2099-01-01"}""");
        assertThat(approved.statusCode()).isEqualTo(200);
        lock = "\""
                + Http.json(approved).path("versions").get(0).path("version").asLong() + "\"";
        HttpResponse<String> published = send("POST", base + "/publish", b, lock, null);
        assertThat(Http.json(published).path("versions").get(0).path("status").asString())
                .isEqualTo("PUBLISHED");

        String c = accounts.tokenFor(auditor);
        assertThat(send("POST", "/api/v1/aims/policies", c, null, """
                        {"kind": "TOPIC_POLICY", "title": "x", "owner": "x", "text": "x"}""").statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/aims/documents/" + id + "/acknowledgements", c, null, null)
                        .statusCode())
                .isEqualTo(200);
        JsonNode acks = Http.json(send("GET", "/api/v1/aims/documents/" + id + "/acknowledgements", c, null, null));
        assertThat(acks.path("mine").asBoolean()).isTrue();
        assertThat(acks.path("acknowledged").get(0).path("username").asString()).isEqualTo(auditor.getUsername());

        HttpResponse<String> csv = send("GET", "/api/v1/aims/documents/export?format=csv", c, null, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Reference,Kind,Title").contains("AI policy");
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
