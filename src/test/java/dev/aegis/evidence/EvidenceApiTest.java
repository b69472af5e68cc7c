package dev.aegis.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.files.UploadInspector;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class EvidenceApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    static final String METADATA = """
            {"title": "%s", "description": "SOC 2 type II report", "owner": "alice", "collectedOn": "2026-01-10",
             "effectiveFrom": "2025-01-01", "effectiveTo": "2025-12-31", "expiresOn": "2027-01-10",
             "controlIds": [], "requirementIds": [], "systemIds": []}""";

    @Test
    void a_file_is_added_over_multipart_gets_new_versions_and_downloads_as_stored_with_an_audit_entry()
            throws Exception {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        String token = accounts.tokenFor(officer);
        TestAccounts.signOut();
        byte[] pdf = EvidenceServiceTest.pdf("api " + System.nanoTime()).readAllBytes();
        String title = "SOC 2 " + System.nanoTime();

        HttpResponse<String> created = multipart(
                "POST",
                "/api/v1/evidence",
                token,
                null,
                parts(
                        "metadata",
                        "application/json",
                        null,
                        METADATA.formatted(title).getBytes(StandardCharsets.UTF_8),
                        "file",
                        "application/octet-stream",
                        "soc2.pdf",
                        pdf));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Http.json(created).path("id").asLong();
        String etag = created.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> versions = get("/api/v1/evidence/" + id + "/versions", token);
        assertThat(Http.json(versions).get(0).path("sha256").asString()).isEqualTo(UploadInspector.sha256Of(pdf));
        assertThat(Http.json(versions).get(0).path("mediaType").asString()).isEqualTo("application/pdf");

        byte[] pdf2 = EvidenceServiceTest.pdf("api v2 " + System.nanoTime()).readAllBytes();
        HttpResponse<String> v2 = multipart(
                "POST",
                "/api/v1/evidence/" + id + "/versions",
                token,
                etag,
                parts(
                        "file",
                        "application/pdf",
                        "soc2-2026.pdf",
                        pdf2,
                        "dates",
                        "application/json",
                        null,
                        "{\"collectedOn\": \"2026-02-01\", \"expiresOn\": \"2027-02-01\"}"
                                .getBytes(StandardCharsets.UTF_8)));
        assertThat(v2.statusCode()).as(v2.body()).isEqualTo(201);
        assertThat(Http.json(v2).path("number").asInt()).isEqualTo(2);
        assertThat(multipart(
                                "POST",
                                "/api/v1/evidence/" + id + "/versions",
                                token,
                                etag,
                                parts("file", "application/pdf", "again.pdf", pdf2))
                        .statusCode())
                .isEqualTo(409);

        HttpResponse<byte[]> old = new Http(port).download("/api/v1/evidence/" + id + "/versions/1/content", token);
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.body()).isEqualTo(pdf);
        assertThat(old.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        Long audited = jdbc.queryForObject(
                "select count(*) from audit.audit_entry where object_type = 'Evidence' and "
                        + "object_id = ? and action = 'DOWNLOAD'",
                Long.class,
                String.valueOf(id));
        assertThat(audited).isEqualTo(1);

        HttpResponse<String> list = get("/api/v1/evidence?q=" + title.replace(' ', '+') + "&kind=FILE", token);
        assertThat(Http.json(list).path("totalElements").asLong()).isEqualTo(1);
        HttpResponse<byte[]> csv =
                new Http(port).download("/api/v1/evidence/export?format=csv&q=" + title.replace(' ', '+'), token);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .contains(title)
                .contains(UploadInspector.sha256Of(pdf2));
    }

    @Test
    void a_refused_upload_says_why_with_422_and_a_request_too_large_is_413() throws Exception {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        String token = accounts.tokenFor(officer);
        TestAccounts.signOut();
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        HttpResponse<String> refused = multipart(
                "POST",
                "/api/v1/evidence",
                token,
                null,
                parts(
                        "metadata",
                        "application/json",
                        null,
                        METADATA.formatted("Exe " + System.nanoTime()).getBytes(StandardCharsets.UTF_8),
                        "file",
                        "application/pdf",
                        "invoice.pdf",
                        exe));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(Http.json(refused).path("detail").asString())
                .contains("invoice.pdf")
                .contains("not accepted");

        byte[] huge = new byte[23 * 1024 * 1024];
        HttpResponse<String> tooLarge = multipart(
                "POST",
                "/api/v1/evidence",
                token,
                null,
                parts(
                        "metadata",
                        "application/json",
                        null,
                        METADATA.formatted("Huge").getBytes(StandardCharsets.UTF_8),
                        "file",
                        "application/pdf",
                        "huge.pdf",
                        huge));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
    }

    @Test
    void auditors_read_and_download_but_get_403_on_writes() throws Exception {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        String officerToken = accounts.tokenFor(officer);
        AegisUser auditor = accounts.create("auditor", Role.AUDITOR);
        String token = accounts.tokenFor(auditor);
        TestAccounts.signOut();
        HttpResponse<String> link = send(
                "POST",
                "/api/v1/evidence",
                officerToken,
                null,
                "{\"details\": " + METADATA.formatted("Policy " + System.nanoTime())
                        + ", \"url\": \"https://wiki.example.org/policy\"}");
        assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
        long id = Http.json(link).path("id").asLong();
        String etag = link.headers().firstValue("ETag").orElseThrow();

        assertThat(get("/api/v1/evidence/" + id, token).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/evidence/" + id + "/review", token, etag, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(
                                "POST",
                                "/api/v1/evidence",
                                token,
                                null,
                                "{\"details\": " + METADATA.formatted("x") + ", \"url\": \"https://example.org\"}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> reviewed = send("POST", "/api/v1/evidence/" + id + "/review", officerToken, etag, null);
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        assertThat(Http.json(reviewed).path("reviewedBy").asString()).isEqualTo(officer.username());
    }

    // ---- HTTP helpers ----

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null, null);
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
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Part(String contentType, String fileName, byte[] content) {}

    private static Map<String, Part> parts(Object... spec) {
        Map<String, Part> parts = new LinkedHashMap<>();
        for (int i = 0; i < spec.length; i += 4) {
            parts.put((String) spec[i], new Part((String) spec[i + 1], (String) spec[i + 2], (byte[]) spec[i + 3]));
        }
        return parts;
    }

    private HttpResponse<String> multipart(
            String method, String path, String token, String ifMatch, Map<String, Part> parts) throws Exception {
        String boundary = "----aegis" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var e : parts.entrySet()) {
            Part p = e.getValue();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\""
                            + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"") + "\r\nContent-Type: "
                            + p.contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(p.content());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
