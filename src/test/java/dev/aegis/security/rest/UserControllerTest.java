package dev.aegis.security.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AegisTest
class UserControllerTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    Http http;
    String adminToken;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        adminToken = accounts.tokenFor(accounts.create("api-admin", Role.ADMIN));
    }

    @Test
    void admin_lists_users_paged_and_filtered_without_secrets() {
        AegisUser listed = accounts.create("listed", Role.AUDITOR);

        HttpResponse<String> response =
                http.getAsBrowser("/api/v1/users?q=" + listed.username() + "&page=0&size=5", adminToken);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode page = Http.json(response);
        assertThat(page.get("totalElements").asLong()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(5);
        JsonNode user = page.get("content").get(0);
        assertThat(user.get("username").asString()).isEqualTo(listed.username());
        assertThat(user.get("roles").get(0).asString()).isEqualTo("AUDITOR");
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(response.body()).doesNotContain("password_hash", "passwordHash", "totpSecret", "$2a$", "{bcrypt}");
    }

    @Test
    void admin_creates_a_user_and_gets_the_one_time_password_once() {
        String username = "carol-" + Long.toString(System.nanoTime(), 36);

        HttpResponse<String> created = http.post("/api/v1/users", adminToken, """
                {"username": "%s", "displayName": "Carol", "email": "carol@example.org", "roles": ["AUDITOR"]}
                """.formatted(username));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = Http.json(created);
        assertThat(body.get("username").asString()).isEqualTo(username);
        String password = body.get("oneTimePassword").asString();
        assertThat(password).hasSize(20);
        assertThat(body.get("mustChangeAtFirstSignIn").asBoolean()).isTrue();

        HttpResponse<String> listed = http.get("/api/v1/users?q=" + username, adminToken);
        assertThat(listed.body()).contains("\"mustChangePassword\":true").doesNotContain(password);
    }

    @Test
    void admin_replaces_the_roles_of_a_user() {
        AegisUser user = accounts.create("moved", Role.SYSTEM_OWNER);

        HttpResponse<String> response = http.put(
                "/api/v1/users/" + user.id() + "/roles",
                adminToken,
                "{\"roles\": [\"GOVERNANCE_OFFICER\", \"VENDOR_MANAGER\"]}");

        assertThat(response.statusCode()).isEqualTo(204);
        JsonNode roles = Http.json(http.get("/api/v1/users?q=" + user.username(), adminToken))
                .get("content")
                .get(0)
                .get("roles");
        assertThat(roles.values())
                .extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("GOVERNANCE_OFFICER", "VENDOR_MANAGER");
    }

    @Test
    void roles_of_an_unknown_user_are_a_404_problem() {
        HttpResponse<String> response =
                http.put("/api/v1/users/987654321/roles", adminToken, "{\"roles\": [\"AUDITOR\"]}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"status\":404");
    }

    @Test
    void a_governance_officer_gets_403_on_users() {
        String token = accounts.tokenFor(accounts.create("officer", Role.GOVERNANCE_OFFICER));

        assertThat(http.get("/api/v1/users", token).statusCode()).isEqualTo(403);
        HttpResponse<String> create =
                http.post("/api/v1/users", token, "{\"username\": \"sneaky\", \"roles\": [\"ADMIN\"]}");
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(create.body()).contains("\"status\":403");
        // refused before the body is read: an invalid body does not reveal the validation rules either
        assertThat(http.post("/api/v1/users", token, "{\"nonsense\": 1}").statusCode())
                .isEqualTo(403);
        assertThat(http.put("/api/v1/users/1/roles", token, "{\"roles\": [\"ADMIN\"]}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void without_a_token_users_are_401() {
        assertThat(http.get("/api/v1/users", null).statusCode()).isEqualTo(401);
    }

    @Test
    void an_unknown_json_field_is_a_400_problem_detail() {
        HttpResponse<String> response = http.post(
                "/api/v1/users", adminToken, "{\"username\": \"dave-x1\", \"roles\": [\"AUDITOR\"], \"admin\": true}");

        assertProblem(response, 400);
        assertThat(Http.json(response).get("detail").asString()).isEqualTo("Unknown field: admin");
    }

    @Test
    void malformed_json_is_a_400_problem_detail() {
        HttpResponse<String> response = http.post("/api/v1/users", adminToken, "{\"username\": \"dave\", \"roles\": [");

        assertProblem(response, 400);
        assertThat(Http.json(response).get("detail").asString()).isEqualTo("The body is not well-formed JSON.");
    }

    @Test
    void an_unknown_role_is_a_400_problem_detail() {
        HttpResponse<String> response =
                http.post("/api/v1/users", adminToken, "{\"username\": \"erin-x1\", \"roles\": [\"SUPERUSER\"]}");

        assertProblem(response, 400);
    }

    @Test
    void an_invalid_field_is_named_in_the_problem_detail() {
        HttpResponse<String> response = http.post(
                "/api/v1/users",
                adminToken,
                "{\"username\": \"no spaces allowed\", \"email\": \"not-an-address\", \"roles\": []}");

        assertProblem(response, 400);
        assertThat(Http.json(response).get("errors").values())
                .extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("username", "email", "roles");
    }

    @Test
    void a_taken_user_name_is_a_422_problem_naming_the_field() {
        AegisUser existing = accounts.create("taken", Role.AUDITOR);

        HttpResponse<String> response = http.post(
                "/api/v1/users",
                adminToken,
                "{\"username\": \"%s\", \"roles\": [\"AUDITOR\"]}".formatted(existing.username()));

        assertProblem(response, 422);
        JsonNode error = Http.json(response).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("username");
        assertThat(error.get("message").asString()).contains("is taken");
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(Http.json(response).get("status").asInt()).isEqualTo(status);
    }
}
