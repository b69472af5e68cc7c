package dev.aegis.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AegisTest
class ScopeApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Test
    void an_officer_reads_the_proposed_scope_confirms_and_excludes_over_the_api() throws Exception {
        String token = accounts.tokenFor(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        HttpResponse<String> created = send(
                "POST", "/api/v1/ai-systems", token, AiSystemApiTest.BODY.formatted("Scoped API " + System.nanoTime()));
        assertThat(created.statusCode()).isEqualTo(201);
        String path = URI.create(created.headers().firstValue("Location").orElseThrow())
                        .getPath() + "/scope";

        HttpResponse<String> scope = send("GET", path, token, null);
        assertThat(scope.statusCode()).isEqualTo(200);
        JsonNode items = Http.json(scope);
        assertThat(items.size()).isGreaterThan(50);
        JsonNode privacy = find(items, "MEASURE 2.10");
        assertThat(privacy.path("state").asString()).isEqualTo("PROPOSED");
        assertThat(privacy.path("reason").asString()).contains("personal");
        assertThat(scope.body()).doesNotContain("LLM01:2025"); // a classifier
        long id = privacy.path("requirementId").asLong();

        HttpResponse<String> confirmed = send("POST", path + "/confirm", token, "{\"requirementIds\": [" + id + "]}");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(Http.json(confirmed).path("confirmed").asInt()).isEqualTo(1);

        long other = find(items, "MEASURE 2.12").path("requirementId").asLong();
        assertThat(send("POST", path + "/" + other + "/exclude", token, "{\"justification\": \" \"}")
                        .statusCode())
                .isEqualTo(422);
        HttpResponse<String> excluded = send(
                "POST",
                path + "/" + other + "/exclude",
                token,
                "{\"justification\": \"Inference on a shared CPU: negligible footprint\"}");
        assertThat(excluded.statusCode()).isEqualTo(200);
        assertThat(find(Http.json(excluded), "MEASURE 2.12").path("state").asString())
                .isEqualTo("EXCLUDED");
        assertThat(find(Http.json(excluded), "MEASURE 2.10").path("state").asString())
                .isEqualTo("CONFIRMED");

        String auditor = accounts.tokenFor(accounts.create("auditor", Role.AUDITOR));
        assertThat(send("GET", path, auditor, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", path + "/confirm", auditor, "{\"requirementIds\": [" + id + "]}")
                        .statusCode())
                .isEqualTo(403);
    }

    private static JsonNode find(JsonNode items, String refId) {
        for (JsonNode item : items) {
            if (item.path("refId").asString().equals(refId)) {
                return item;
            }
        }
        throw new AssertionError(refId + " not in scope");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
