package dev.aegis.vendor;

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
class VendorApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    static final String BODY = """
            {"name": "%s", "services": "Hosted LLM API", "aiProducts": ["Chat"], "criticality": "%s",
             "contacts": [{"name": "Dana", "email": "dana@llm.example"}],
             "processingCountries": ["DE", "US"], "storageCountries": ["DE"], "subProcessors": ["Hoster"],
             "dpaStatus": "DRAFT", "meetsGdpr": true, "meetsCcpa": false,
             "certifications": [{"kind": "ISO_42001", "expiresOn": "2030-01-31"}], "systems": []}""";

    @Test
    void a_vendor_manager_registers_changes_and_removes_a_vendor_with_etags() throws Exception {
        String token = accounts.tokenFor(accounts.create("vm", Role.VENDOR_MANAGER));
        String name = "API vendor " + System.nanoTime();
        HttpResponse<String> created = send("POST", "/api/v1/vendors", token, null, BODY.formatted(name, "HIGH"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Http.json(created).path("tier").asString()).isEqualTo("HIGH");
        assertThat(Http.json(created)
                        .path("details")
                        .path("certifications")
                        .get(0)
                        .path("kind")
                        .asString())
                .isEqualTo("ISO_42001");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String path = URI.create(created.headers().firstValue("Location").orElseThrow())
                .getPath();

        HttpResponse<String> changed = send("PUT", path, token, etag, BODY.formatted(name, "LOW"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(Http.json(changed).path("tier").asString()).isEqualTo("LOW");
        assertThat(send("PUT", path, token, etag, BODY.formatted(name, "MEDIUM"))
                        .statusCode())
                .isEqualTo(409);
        assertThat(send("DELETE", path, token, etag, null).statusCode()).isEqualTo(409);

        String fresh = changed.headers().firstValue("ETag").orElseThrow();
        assertThat(send("DELETE", path, token, fresh, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", path, token, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void filters_page_and_sort_in_the_database_and_bad_fields_are_named() throws Exception {
        String token = accounts.tokenFor(accounts.create("vm", Role.VENDOR_MANAGER));
        String tag = "Paged" + System.nanoTime();
        send("POST", "/api/v1/vendors", token, null, BODY.formatted(tag + " a", "LOW"));
        send("POST", "/api/v1/vendors", token, null, BODY.formatted(tag + " b", "CRITICAL"));
        send("POST", "/api/v1/vendors", token, null, BODY.formatted(tag + " c", "CRITICAL"));
        var page = Http.json(send(
                "GET",
                "/api/v1/vendors?q=" + tag + "&criticality=CRITICAL&country=DE"
                        + "&dpa=DRAFT&sort=name&direction=desc&size=1",
                token,
                null,
                null));
        assertThat(page.path("totalElements").asLong()).isEqualTo(2);
        assertThat(page.path("content").get(0).path("details").path("name").asString())
                .isEqualTo(tag + " c");

        HttpResponse<String> invalid = send(
                "POST",
                "/api/v1/vendors",
                token,
                null,
                BODY.formatted("", "LOW").replace("dana@llm.example", "not-an-address"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"name\"").contains("contacts[0].email");
        HttpResponse<String> rule = send(
                "POST",
                "/api/v1/vendors",
                token,
                null,
                BODY.formatted(tag + " d", "LOW").replace("\"DE\", \"US\"", "\"XX\""));
        assertThat(rule.statusCode()).isEqualTo(422);
        assertThat(rule.body()).contains("processingCountries");
    }

    @Test
    void an_auditor_reads_but_may_not_register_and_a_system_owner_may_not_read() throws Exception {
        String manager = accounts.tokenFor(accounts.create("vm", Role.VENDOR_MANAGER));
        String path = URI.create(send(
                                "POST",
                                "/api/v1/vendors",
                                manager,
                                null,
                                BODY.formatted("Audited " + System.nanoTime(), "LOW"))
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .getPath();
        String auditor = accounts.tokenFor(accounts.create("auditor", Role.AUDITOR));
        assertThat(send("GET", path, auditor, null, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/vendors", auditor, null, BODY.formatted("No " + System.nanoTime(), "LOW"))
                        .statusCode())
                .isEqualTo(403);
        String owner = accounts.tokenFor(accounts.create("owner", Role.SYSTEM_OWNER));
        assertThat(send("GET", "/api/v1/vendors", owner, null, null).statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> send(String method, String path, String token, String ifMatch, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
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
