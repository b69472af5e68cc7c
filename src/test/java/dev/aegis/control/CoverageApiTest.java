package dev.aegis.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@AegisTest
class CoverageApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AiSystemService systems;

    java.net.http.HttpResponse<String> download(String path, String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                                .header("Accept", "text/csv, application/pdf, application/problem+json")
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void coverage_threats_and_the_statement_of_applicability_answer_every_reader_with_json() throws Exception {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        long system = systems.register(AiSystemFixtures.diagnosisAssistant("Api cov " + System.nanoTime(), "x"))
                .getId();
        TestAccounts.signOut();
        String vendorManager = accounts.tokenFor(accounts.create("vm", Role.VENDOR_MANAGER));
        String auditor = accounts.tokenFor(accounts.create("auditor", Role.AUDITOR));
        Http http = new Http(port);

        var org = http.getAsBrowser("/api/v1/coverage", vendorManager);
        assertThat(org.statusCode()).isEqualTo(200);
        assertThat(Http.json(org).toString()).contains("ISO-IEC-42001-2023");
        var iso = Http.json(http.get("/api/v1/coverage/ISO-IEC-42001-2023?system=" + system, vendorManager));
        assertThat(iso.path("requirements").size()).isGreaterThanOrEqualTo(38);
        assertThat(http.get("/api/v1/coverage/ISO-IEC-42001-2023/gaps?system=" + system, vendorManager)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/coverage/ISO-IEC-42001-2023/matrix?systems=" + system, vendorManager)
                        .statusCode())
                .isEqualTo(200);
        var threats = Http.json(http.get("/api/v1/coverage/threats/" + system, vendorManager));
        assertThat(threats.path("owasp").size()).isPositive();

        assertThat(Http.json(http.get("/api/v1/soa", vendorManager)).size()).isGreaterThanOrEqualTo(38);
        assertThat(download("/api/v1/soa/export?format=csv", vendorManager).statusCode())
                .isEqualTo(403);
        var csv = download("/api/v1/soa/export?format=csv", auditor);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Annex A control").contains("A.2.2");
        assertThat(http.post("/api/v1/soa/versions", auditor, "{}").statusCode())
                .isEqualTo(403);
    }
}
