package dev.aegis.security.rest;

import static dev.aegis.security.rest.UserControllerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AegisTest
class ApiTokenControllerTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    Http http;
    AegisUser owner;
    String ownerToken;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        owner = accounts.create("token-owner", Role.AUDITOR);
        ownerToken = accounts.tokenFor(owner);
    }

    @Test
    void a_user_creates_lists_and_revokes_a_token_over_the_api() {
        HttpResponse<String> created = http.post("/api/v1/tokens", ownerToken, "{\"name\": \"ci pipeline\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode issued = Http.json(created);
        String token = issued.get("token").asString();
        long id = issued.get("id").asLong();
        assertThat(token).startsWith("aeg_");
        assertThat(Instant.parse(issued.get("expiresAt").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofDays(90)), within(1, ChronoUnit.MINUTES));

        HttpResponse<String> listed = http.get("/api/v1/tokens", token);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body())
                .contains("\"name\":\"ci pipeline\"", "\"status\":\"ACTIVE\"")
                .doesNotContain(token);
        assertThat(Http.json(listed).values()).hasSize(2); // the one from setUp and this one

        assertThat(http.delete("/api/v1/tokens/" + id, ownerToken).statusCode()).isEqualTo(204);
        assertThat(http.get("/api/v1/tokens", token).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/tokens", ownerToken).body()).contains("\"status\":\"REVOKED\"");
    }

    @Test
    void an_expiry_date_may_be_chosen_but_not_in_the_past() {
        Instant in30Days = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> created = http.post(
                "/api/v1/tokens", ownerToken, "{\"name\": \"short-lived\", \"expiresAt\": \"%s\"}".formatted(in30Days));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Instant.parse(Http.json(created).get("expiresAt").asString()))
                .isEqualTo(in30Days);

        HttpResponse<String> past = http.post(
                "/api/v1/tokens", ownerToken, "{\"name\": \"too late\", \"expiresAt\": \"2001-01-01T00:00:00Z\"}");
        assertProblem(past, 400);
        assertThat(Http.json(past).get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
    }

    @Test
    void a_blank_name_is_a_400_naming_the_field() {
        HttpResponse<String> response = http.post("/api/v1/tokens", ownerToken, "{\"name\": \"  \"}");

        assertProblem(response, 400);
        assertThat(Http.json(response).get("errors").get(0).get("field").asString())
                .isEqualTo("name");
    }

    @Test
    void an_unknown_field_or_malformed_json_is_a_400_never_a_500() {
        HttpResponse<String> unknown =
                http.post("/api/v1/tokens", ownerToken, "{\"name\": \"x\", \"scopes\": [\"all\"]}");
        assertProblem(unknown, 400);
        assertThat(Http.json(unknown).get("detail").asString()).isEqualTo("Unknown field: scopes");

        HttpResponse<String> malformed = http.post("/api/v1/tokens", ownerToken, "{\"name\": ");
        assertProblem(malformed, 400);

        HttpResponse<String> wrongType =
                http.post("/api/v1/tokens", ownerToken, "{\"name\": \"x\", \"expiresAt\": \"next tuesday\"}");
        assertProblem(wrongType, 400);
    }

    @Test
    void someone_elses_token_cannot_be_revoked() {
        AegisUser other = accounts.create("other", Role.SYSTEM_OWNER);
        String otherToken = accounts.tokenFor(other);
        long othersId = Http.json(http.get("/api/v1/tokens", otherToken))
                .get(0)
                .get("id")
                .asLong();

        HttpResponse<String> response = http.delete("/api/v1/tokens/" + othersId, ownerToken);

        assertProblem(response, 404);
        assertThat(http.get("/api/v1/tokens", otherToken).statusCode()).isEqualTo(200);
    }

    @Test
    void tokens_are_listed_only_to_their_owner() {
        String otherToken = accounts.tokenFor(accounts.create("stranger", Role.VENDOR_MANAGER));
        http.post("/api/v1/tokens", ownerToken, "{\"name\": \"private\"}");

        assertThat(http.get("/api/v1/tokens", otherToken).body()).doesNotContain("private");
    }
}
