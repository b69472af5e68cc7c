package dev.aegis.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.files.UploadInspector;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AegisTest
class PortalEvidenceApiTest {

    static final byte[] PDF =
            ("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AssessmentService service;

    @Autowired
    AssessmentReview review;

    @Autowired
    VendorService vendors;

    @Autowired
    TemplateService templates;

    @Autowired
    AiSystemService systems;

    @Autowired
    UploadInspector inspector;

    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_vendor_uploads_evidence_for_a_file_question_and_sees_its_name_size_and_hash() throws Exception {
        ReviewFixtures.Started s = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        String path = service.issueLink(s.assessment().getId()).path();

        HttpResponse<String> uploaded = upload(path + "/files/q4", "pentest.pdf", PDF);
        assertThat(uploaded.statusCode()).isEqualTo(201);
        JsonNode file = Http.json(uploaded);
        assertThat(file.path("name").asString()).isEqualTo("pentest.pdf");
        assertThat(file.path("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(file.path("size").asLong()).isEqualTo(PDF.length);
        assertThat(file.path("sha256").asString()).isEqualTo(UploadInspector.sha256Of(PDF));

        Http http = new Http(port);
        JsonNode listed = Http.json(http.get(path + "/files", null));
        assertThat(listed.size()).isEqualTo(1);
        JsonNode view = Http.json(http.get(path, null));
        assertThat(view.path("answers").path("q4").path("value").asString())
                .contains("pentest.pdf")
                .contains(UploadInspector.sha256Of(PDF));
        assertThat(view.path("state").asString()).isEqualTo("IN_PROGRESS");
        HttpResponse<byte[]> download =
                get(path + "/files/q4/" + file.path("id").asLong());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");

        // the reviewer sees the same file with its hash
        assertThat(review.review(s.assessment().getId()).items().stream()
                        .filter(i -> i.question().id().equals("q4"))
                        .findFirst()
                        .orElseThrow()
                        .files())
                .extracting(PortalEvidence.ListedFile::sha256)
                .containsExactly(UploadInspector.sha256Of(PDF));
        // a file question is answered by uploading, not by typing
        assertThat(http.put(path + "/answers/q4", null, "{\"value\": \"see mail\", \"version\": null}")
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void an_upload_of_a_refused_type_or_over_the_size_limit_is_refused_with_a_message_that_says_why() throws Exception {
        ReviewFixtures.Started s = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        String path = service.issueLink(s.assessment().getId()).path();
        byte[] program = new byte[256];
        program[0] = 'M';
        program[1] = 'Z';
        HttpResponse<String> typed = upload(path + "/files/q4", "report.pdf", program);
        assertThat(typed.statusCode()).isEqualTo(422);
        assertThat(Http.json(typed).path("detail").asString())
                .contains("\"report.pdf\" is of type")
                .contains("not accepted here");

        byte[] large = new byte[(int) inspector.maxBytes() + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        HttpResponse<String> big = upload(path + "/files/q4", "huge.pdf", large);
        assertThat(big.statusCode()).isEqualTo(422);
        assertThat(Http.json(big).path("detail").asString())
                .contains("\"huge.pdf\" is larger than the limit of 20.0 MB");

        HttpResponse<String> empty = upload(path + "/files/q4", "empty.pdf", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(upload(path + "/files/q1", "x.pdf", PDF).statusCode()).isEqualTo(422); // not a file question
        assertThat(Http.json(new Http(port).get(path + "/files", null)).size()).isZero();
    }

    @Test
    void a_link_never_reaches_the_files_of_another_assessment() throws Exception {
        ReviewFixtures.Started mine = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        ReviewFixtures.Started other = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        String myPath = service.issueLink(mine.assessment().getId()).path();
        String otherPath = service.issueLink(other.assessment().getId()).path();
        long theirs = Http.json(upload(otherPath + "/files/q4", "theirs.pdf", PDF))
                .path("id")
                .asLong();

        assertThat(Http.json(new Http(port).get(myPath + "/files", null)).size())
                .isZero();
        HttpResponse<byte[]> reached = get(myPath + "/files/q4/" + theirs);
        assertThat(reached.statusCode()).isEqualTo(404);
        assertThat(new String(reached.body(), StandardCharsets.UTF_8)).doesNotContain("theirs.pdf");
        assertThat(get(otherPath + "/files/q4/" + theirs).statusCode()).isEqualTo(200);
        // a revoked link reaches no file any more, not even its own
        service.revokeLink(other.assessment().getId());
        assertThat(get(otherPath + "/files/q4/" + theirs).statusCode()).isEqualTo(410);
        assertThat(new Http(port).get(otherPath + "/files", null).statusCode()).isEqualTo(410);
        // nor through the organisation's API with the token
        String token = myPath.substring("/portal/v1/".length());
        assertThat(new Http(port)
                        .get("/api/v1/assessments/" + other.assessment().getId() + "/files", token)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void once_submitted_no_file_can_be_added_and_reviewers_download_it_over_the_api() throws Exception {
        ReviewFixtures.Started s = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        String path = service.issueLink(s.assessment().getId()).path();
        long id = Http.json(upload(path + "/files/q4", "pentest.pdf", PDF))
                .path("id")
                .asLong();
        Http http = new Http(port);
        http.put(path + "/answers/q1", null, "{\"value\": \"no\", \"version\": null}");
        http.put(path + "/answers/q3", null, "{\"value\": \"never\", \"version\": null}");
        assertThat(http.post(path + "/submit", null, null).statusCode()).isEqualTo(200);

        HttpResponse<String> late = upload(path + "/files/q4", "late.pdf", PDF);
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(Http.json(late).path("detail").asString()).contains("the assessment is submitted");

        String auditor = accounts.tokenFor(accounts.create("auditor", Role.AUDITOR));
        HttpResponse<byte[]> download =
                http.download("/api/v1/assessments/" + s.assessment().getId() + "/files/" + id, auditor);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
    }

    private HttpResponse<String> upload(String path, String name, byte[] content) throws Exception {
        String boundary = "----portal" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "application/json")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
