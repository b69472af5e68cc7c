package dev.aegis.risk;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystemDetails;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification.EuAiActTier;
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
class RiskApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AiSystemService systems;

    @Autowired
    FrameworkCatalog catalog;

    static final String BODY = """
            {"title": "%s", "description": "Crafted prompts leak patient notes", "category": "%s",
             "systems": [%d], "threats": [], "requirements": [%s], "inherentLikelihood": %d, "inherentImpact": %d,
             "dueDate": "2030-01-31"}""";

    @Test
    void filters_combine_and_page_in_the_database() throws Exception {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        String token = accounts.tokenFor(officer);
        long high = system(officer, EuAiActTier.HIGH);
        long minimal = system(officer, EuAiActTier.MINIMAL);
        long requirement =
                catalog.find("ISO-IEC-42001-2023", "A.2.2").map(r -> r.id()).orElseThrow();
        TestAccounts.signOut();
        String tag = "Paging" + System.nanoTime();
        for (int i = 1; i <= 3; i++) {
            assertThat(send(
                                    "POST",
                                    "/api/v1/risks",
                                    token,
                                    null,
                                    BODY.formatted(tag + " " + i, "PRIVACY", high, requirement, i, 5))
                            .statusCode())
                    .isEqualTo(201);
        }
        send(
                "POST",
                "/api/v1/risks",
                token,
                null,
                BODY.formatted(tag + " other tier", "PRIVACY", minimal, requirement, 5, 5));
        send("POST", "/api/v1/risks", token, null, BODY.formatted(tag + " no requirement", "PRIVACY", high, "", 5, 5));
        send(
                "POST",
                "/api/v1/risks",
                token,
                null,
                BODY.formatted(tag + " security", "SECURITY", high, requirement, 5, 5));

        HttpResponse<String> page = send(
                "GET",
                "/api/v1/risks?q=" + tag + "&tier=HIGH&category=PRIVACY&requirement=" + requirement
                        + "&status=IDENTIFIED&owner=" + officer.username() + "&sort=score&direction=desc&size=2",
                token,
                null,
                null);
        assertThat(page.statusCode()).isEqualTo(200);
        var json = Http.json(page);
        assertThat(json.path("totalElements").asLong()).isEqualTo(3);
        assertThat(json.path("totalPages").asInt()).isEqualTo(2);
        assertThat(json.path("content").size()).isEqualTo(2);
        assertThat(json.path("content").get(0).path("details").path("title").asString())
                .isEqualTo(tag + " 3");
        assertThat(json.path("content").get(0).path("inherentScore").asInt()).isEqualTo(15);
        assertThat(json.path("content").get(0).path("updatedBy").asString()).isEqualTo(officer.username());
        var second = Http.json(send(
                "GET",
                "/api/v1/risks?q=" + tag + "&tier=HIGH&category=PRIVACY&requirement=" + requirement
                        + "&sort=title&direction=asc&size=2&page=1",
                token,
                null,
                null));
        assertThat(second.path("content").get(0).path("details").path("title").asString())
                .isEqualTo(tag + " 3");
        assertThat(send("GET", "/api/v1/risks?q=" + tag + "&tier=LIMITED", token, null, null)
                        .body())
                .contains("\"totalElements\":0");
        assertThat(send("GET", "/api/v1/risks?sort=secret", token, null, null).statusCode())
                .isEqualTo(422);
    }

    @Test
    void a_stale_copy_gets_409() throws Exception {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        String token = accounts.tokenFor(officer);
        long system = system(officer, EuAiActTier.HIGH);
        TestAccounts.signOut();
        String title = "Stale " + System.nanoTime();
        HttpResponse<String> created =
                send("POST", "/api/v1/risks", token, null, BODY.formatted(title, "SECURITY", system, "", 3, 3));
        assertThat(created.statusCode()).isEqualTo(201);
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String path = URI.create(created.headers().firstValue("Location").orElseThrow())
                .getPath();
        assertThat(send("GET", path, token, null, null).headers().firstValue("ETag"))
                .contains(etag);

        HttpResponse<String> changed =
                send("PUT", path, token, etag, BODY.formatted(title + " v2", "SECURITY", system, "", 3, 3));
        assertThat(changed.statusCode()).isEqualTo(200);
        String fresh = changed.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> stale =
                send("PUT", path, token, etag, BODY.formatted(title + " v3", "SECURITY", system, "", 3, 3));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else changed");
        assertThat(send("POST", path + "/assess", token, etag, "{\"likelihood\": 2, \"impact\": 2}")
                        .statusCode())
                .isEqualTo(409);

        HttpResponse<String> assessed =
                send("POST", path + "/assess", token, fresh, "{\"likelihood\": 2, \"impact\": 4}");
        assertThat(assessed.statusCode()).isEqualTo(200);
        assertThat(Http.json(assessed).path("status").asString()).isEqualTo("ASSESSED");
        HttpResponse<String> outOfOrder = send(
                "POST",
                path + "/close",
                token,
                assessed.headers().firstValue("ETag").orElseThrow(),
                null);
        assertThat(outOfOrder.statusCode()).isEqualTo(422);
        assertThat(outOfOrder.body()).contains("The risk is assessed");
    }

    @Test
    void an_auditor_reads_but_may_not_raise_risks() throws Exception {
        String token = accounts.tokenFor(accounts.create("auditor", Role.AUDITOR));
        assertThat(send("GET", "/api/v1/risks", token, null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/risks/heat-map", token, null, null).statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/v1/risks", token, null, BODY.formatted("No", "SECURITY", 1, "", 3, 3))
                        .statusCode())
                .isEqualTo(403);
    }

    private long system(AegisUser officer, EuAiActTier tier) {
        TestAccounts.signIn(officer);
        AiSystemDetails d = diagnosisAssistant("System " + System.nanoTime(), "someone-else");
        d = new AiSystemDetails(
                d.name(),
                d.purpose(),
                d.intendedUse(),
                d.businessOwner(),
                d.technicalOwner(),
                d.lifecycleStage(),
                d.deployment(),
                d.modelType(),
                d.dataCategories(),
                d.peopleAffected(),
                d.autonomy(),
                d.humanOversight(),
                tier,
                d.euAiActRole(),
                d.vendorName(),
                d.status(),
                d.nextReview(),
                d.dataProvenance(),
                d.consentBasis(),
                d.dataMinimisation(),
                d.dependencyScanning(),
                d.codeReview(),
                d.privacyPreservingTraining(),
                d.trainingAccessLogging(),
                d.servingHardening(),
                d.driftMonitoring(),
                d.adversarialMonitoring(),
                d.deletionDate(),
                d.deletionMethod(),
                d.deletionSignedOffBy());
        return systems.register(d).getId();
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
