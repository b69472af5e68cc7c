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

@AegisTest
class AiSystemApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    static final String BODY = """
            {"name": "%s", "purpose": "Scores the sentiment of customer messages", "lifecycleStage": "DEPLOYMENT",
             "deployment": "IN_HOUSE", "modelType": "CLASSIFIER", "dataCategories": ["PERSONAL_DATA"],
             "peopleAffected": ["CUSTOMERS"], "autonomy": "AUTONOMOUS", "euAiActTier": "UNASSESSED",
             "euAiActRole": "NONE", "status": "ACTIVE"}""";

    @Test
    void an_officer_registers_a_system_and_a_stale_change_gets_409() throws Exception {
        String token = accounts.tokenFor(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        String name = "Sentiment API " + System.nanoTime();
        HttpResponse<String> created = send("POST", "/api/v1/ai-systems", token, null, BODY.formatted(name));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElse("")).matches(".*/api/v1/ai-systems/\\d+");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String path = URI.create(created.headers().firstValue("Location").orElseThrow())
                .getPath();

        HttpResponse<String> changed = send("PUT", path, token, etag, BODY.formatted(name + " v2"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(Http.json(changed).path("details").path("name").asString()).endsWith("v2");

        HttpResponse<String> stale = send("PUT", path, token, etag, BODY.formatted(name + " v3"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else changed");
    }

    @Test
    void invalid_fields_are_named_in_the_problem_detail() throws Exception {
        String token = accounts.tokenFor(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        HttpResponse<String> response = send(
                "POST",
                "/api/v1/ai-systems",
                token,
                null,
                "{\"name\": \"\", \"purpose\": \"x\", \"lifecycleStage\": \"DEPLOYMENT\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"name\"").contains("\"field\":\"deployment\"");
        HttpResponse<String> badEnum = send(
                "POST", "/api/v1/ai-systems", token, null, BODY.formatted("x").replace("\"CLASSIFIER\"", "\"ORACLE\""));
        assertThat(badEnum.statusCode()).isEqualTo(400);
    }

    @Test
    void filters_combine_and_the_database_pages_and_sorts() throws Exception {
        String token = accounts.tokenFor(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        String tag = "Paging" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            send("POST", "/api/v1/ai-systems", token, null, BODY.formatted(tag + " " + i));
        }
        HttpResponse<String> page = send(
                "GET",
                "/api/v1/ai-systems?q=" + tag + "&tier=UNASSESSED&stage=DEPLOYMENT"
                        + "&sort=name&direction=desc&size=2",
                token,
                null,
                null);
        assertThat(page.statusCode()).isEqualTo(200);
        var json = Http.json(page);
        assertThat(json.path("totalElements").asLong()).isEqualTo(3);
        assertThat(json.path("content").size()).isEqualTo(2);
        assertThat(json.path("content").get(0).path("details").path("name").asString())
                .isEqualTo(tag + " 2");
        assertThat(send("GET", "/api/v1/ai-systems?q=" + tag + "&tier=HIGH", token, null, null)
                        .body())
                .contains("\"totalElements\":0");
    }

    @Test
    void a_system_registered_with_a_tier_or_role_is_refused_naming_the_field_and_starts_unclassified_otherwise()
            throws Exception {
        String token = accounts.tokenFor(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        String name = "Tiered " + System.nanoTime();
        HttpResponse<String> tiered = send(
                "POST",
                "/api/v1/ai-systems",
                token,
                null,
                BODY.formatted(name).replace("\"euAiActTier\": \"UNASSESSED\"", "\"euAiActTier\": \"HIGH\""));
        assertThat(tiered.statusCode()).isEqualTo(422);
        assertThat(tiered.body()).contains("\"field\":\"euAiActTier\"").contains("starts unclassified");
        HttpResponse<String> role = send(
                "POST",
                "/api/v1/ai-systems",
                token,
                null,
                BODY.formatted(name).replace("\"euAiActRole\": \"NONE\"", "\"euAiActRole\": \"DISTRIBUTOR\""));
        assertThat(role.statusCode()).isEqualTo(422);
        assertThat(role.body()).contains("\"field\":\"euAiActRole\"");
        HttpResponse<String> plain = send("POST", "/api/v1/ai-systems", token, null, BODY.formatted(name));
        assertThat(plain.statusCode()).isEqualTo(201);
        assertThat(Http.json(plain).path("details").path("euAiActTier").asString())
                .isEqualTo("UNASSESSED");
    }

    @Test
    void an_auditor_reads_but_may_not_register() throws Exception {
        String token = accounts.tokenFor(accounts.create("auditor", Role.AUDITOR));
        assertThat(send("GET", "/api/v1/ai-systems", token, null, null).statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/v1/ai-systems", token, null, BODY.formatted("nope"))
                        .statusCode())
                .isEqualTo(403);
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
