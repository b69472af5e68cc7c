package dev.aegis.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.security.AegisUser;
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
class ControlApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    FrameworkCatalog catalog;

    static final String BODY = """
            {"title": "%s", "description": "Secrets live in Vault", "type": "PREVENTIVE", "owner": "officer",
             "status": "%s", "testFrequency": "QUARTERLY", "requirements": {"%d": "FULL"}, "risks": []}""";

    @Test
    void controls_are_created_read_changed_with_if_match_and_listed_with_filters() throws Exception {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        String token = accounts.tokenFor(officer);
        TestAccounts.signIn(officer);
        long iso = catalog.find("ISO-IEC-42001-2023", "A.6.2.4").orElseThrow().id();
        TestAccounts.signOut();
        String title = "Vault " + System.nanoTime();
        HttpResponse<String> created =
                send("POST", "/api/v1/controls", token, null, BODY.formatted(title, "PLANNED", iso));
        assertThat(created.statusCode()).isEqualTo(201);
        long id = Http.json(created).path("id").asLong();
        String etag = created.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> changed =
                send("PUT", "/api/v1/controls/" + id, token, etag, BODY.formatted(title, "IMPLEMENTED", iso));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(Http.json(changed).path("details").path("status").asString()).isEqualTo("IMPLEMENTED");
        assertThat(send("PUT", "/api/v1/controls/" + id, token, etag, BODY.formatted(title, "PLANNED", iso))
                        .statusCode())
                .isEqualTo(409);

        var list = Http.json(send(
                "GET",
                "/api/v1/controls?q=" + title.replace(' ', '+') + "&status=IMPLEMENTED&requirement=" + iso,
                token,
                null,
                null));
        assertThat(list.path("totalElements").asLong()).isEqualTo(1);
        assertThat(send("GET", "/api/v1/controls?sort=secret", token, null, null)
                        .statusCode())
                .isEqualTo(422);

        HttpResponse<String> invalid =
                send("POST", "/api/v1/controls", token, null, BODY.formatted(title, "NOT_APPLICABLE", iso));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("notApplicableReason");
    }

    @Test
    void auditors_read_but_get_403_on_writes_and_the_starter_library_is_listed() throws Exception {
        AegisUser auditor = accounts.create("auditor", Role.AUDITOR);
        String token = accounts.tokenFor(auditor);
        TestAccounts.signOut();
        assertThat(send("GET", "/api/v1/controls", token, null, null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> starter = send("GET", "/api/v1/controls/starter", token, null, null);
        assertThat(starter.statusCode()).isEqualTo(200);
        assertThat(Http.json(starter).size()).isGreaterThanOrEqualTo(40);
        assertThat(send("POST", "/api/v1/controls/starter/adopt", token, null, "{\"starterIds\": [\"SC-03\"]}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/controls", token, null, BODY.formatted("x", "PLANNED", 1))
                        .statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> send(String method, String path, String token, String ifMatch, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
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
