package dev.aegis.aims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@AegisTest
class ObjectiveApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ObjectiveService objectives;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void retireEverything() {
        TestAccounts.signIn(accounts.create("cleaner", Role.GOVERNANCE_OFFICER));
        for (var o : objectives.list()) {
            if (o.inForce()) {
                objectives.retire(o.id(), o.version(), "Test over");
            }
        }
        TestAccounts.signOut();
    }

    @Test
    void the_api_sets_an_objective_records_values_and_exports_while_auditors_only_read() throws Exception {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        String o = accounts.tokenFor(officer);
        String auditor = accounts.tokenFor(accounts.create("auditor", Role.AUDITOR));

        HttpResponse<String> missing =
                send("POST", "/api/v1/aims/objectives", o, null, """
                {"title": "Faster incident answers", "owner": "%s", "indicator": "MANUAL", "unit": "days"}""".formatted(officer.getUsername()));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Http.json(missing).path("errors").get(0).path("pointer").asString())
                .isEqualTo("/target");

        HttpResponse<String> created =
                send("POST", "/api/v1/aims/objectives", o, null, """
                {"title": "Faster incident answers", "owner": "%s", "indicator": "MANUAL", "unit": "days",
                 "direction": "AT_MOST", "target": 2}""".formatted(officer.getUsername()));
        assertThat(created.statusCode()).isEqualTo(201);
        String etag = created.headers().firstValue("ETag").orElseThrow();
        long id = Http.json(created).path("id").asLong();

        HttpResponse<String> future = send("POST", "/api/v1/aims/objectives/" + id + "/values", o, null, """
                {"value": 3, "measuredOn": "2999-01-01"}""");
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(Http.json(future).path("errors").get(0).path("pointer").asString())
                .isEqualTo("/measuredOn");
        assertThat(send("POST", "/api/v1/aims/objectives/" + id + "/values", o, null, """
                        {"value": 3, "note": "Monthly report"}""")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/v1/aims/objectives/" + id + "/values", auditor, null, """
                        {"value": 1}""")
                        .statusCode())
                .isEqualTo(403);

        JsonNode read = Http.json(send("GET", "/api/v1/aims/objectives/" + id, auditor, null, null));
        assertThat(read.path("objective").path("standing").asString()).isEqualTo("Above target");
        assertThat(read.path("values").get(0).path("value").asDouble()).isEqualTo(3.0);

        assertThat(send("POST", "/api/v1/aims/objectives/" + id + "/retire", o, "\"99\"", """
                        {"reason": "Achieved"}""")
                        .statusCode())
                .isEqualTo(409);
        assertThat(send("POST", "/api/v1/aims/objectives/" + id + "/retire", o, etag, """
                        {"reason": "Achieved"}""")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> csv = send("GET", "/api/v1/aims/objectives/export?format=csv", auditor, null, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Reference,Objective,Owner").contains("Faster incident answers");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_type = 'AimsRegister' and object_id ="
                                + " 'objectives'",
                        Long.class))
                .isPositive();
    }

    private HttpResponse<String> send(String method, String path, String token, String ifMatch, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", path.contains("export") ? "*/*" : "application/json")
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
