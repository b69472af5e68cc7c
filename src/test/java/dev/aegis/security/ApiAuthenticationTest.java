package dev.aegis.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@AegisTest
class ApiAuthenticationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiTokenService tokens;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void api_without_a_token_answers_401_as_a_problem_detail() throws Exception {
        HttpResponse<String> response = get("/api/v1/audit/verify", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void api_with_an_unknown_token_answers_401() throws Exception {
        assertThat(get("/api/v1/audit/verify", "aeg_not-a-real-token").statusCode())
                .isEqualTo(401);
    }

    @Test
    void the_bootstrap_token_acts_as_an_admin() throws Exception {
        HttpResponse<String> response = get("/api/v1/audit/verify", AegisTest.BOOTSTRAP_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"intact\":true");
    }

    @Test
    void a_revoked_token_answers_401() throws Exception {
        AegisUser auditor = accounts.create("auditor", Role.AUDITOR);
        TestAccounts.signIn(auditor);
        ApiTokenService.IssuedToken issued;
        try {
            issued = tokens.create("script", null);
        } finally {
            TestAccounts.signOut();
        }
        assertThat(get("/api/v1/audit/verify", issued.token()).statusCode()).isEqualTo(200);

        TestAccounts.signIn(auditor);
        try {
            tokens.revoke(issued.id());
        } finally {
            TestAccounts.signOut();
        }
        assertThat(get("/api/v1/audit/verify", issued.token()).statusCode()).isEqualTo(401);
    }

    @Test
    void a_token_acts_with_its_owners_roles_only() throws Exception {
        AegisUser vendorManager = accounts.create("vm", Role.VENDOR_MANAGER);
        String token = accounts.tokenFor(vendorManager);
        HttpResponse<String> response = get("/api/v1/audit/verify", token);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"status\":403");
    }

    @Test
    void health_is_public_but_metrics_need_a_token() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = get("/actuator/prometheus", AegisTest.BOOTSTRAP_TOKEN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
