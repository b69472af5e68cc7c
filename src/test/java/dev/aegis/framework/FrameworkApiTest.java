package dev.aegis.framework;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@AegisTest
class FrameworkApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CatalogAdministration administration;

    @Test
    void the_api_lists_the_frameworks_with_their_requirement_counts() {
        String token = accounts.tokenFor(accounts.create("reader", Role.SYSTEM_OWNER));
        HttpResponse<String> response = new Http(port).get("/api/v1/frameworks", token);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = Http.json(response);
        assertThat(list.findValuesAsString("code"))
                .contains(
                        "NIST-AI-RMF-1.0",
                        "ISO-IEC-42001-2023",
                        "OWASP-LLM-TOP10-2025",
                        "MITRE-ATLAS",
                        "NIST-AI-600-1");
        for (JsonNode f : list) {
            if (f.path("code").asString().equals("NIST-AI-RMF-1.0")) {
                assertThat(f.path("requirements").asLong()).isEqualTo(95);
            }
        }
    }

    @Test
    void searching_by_text_finds_the_prompt_injection_entries_first_by_id() {
        String token = accounts.tokenFor(accounts.create("reader", Role.AUDITOR));
        Http http = new Http(port);
        JsonNode found = Http.json(http.get("/api/v1/requirements?q=prompt%20injection&size=100", token));
        assertThat(found.path("content").findValuesAsString("refId")).contains("LLM01:2025", "AML.T0051");
        JsonNode byId = Http.json(http.get("/api/v1/requirements?q=aml.t0051&size=5", token));
        assertThat(byId.path("content").get(0).path("refId").asString()).isEqualTo("AML.T0051");
        JsonNode mitigations =
                Http.json(http.get("/api/v1/frameworks/MITRE-ATLAS/requirements?kind=MITIGATION&size=100", token));
        assertThat(mitigations.path("totalElements").asLong()).isEqualTo(35);
    }

    @Test
    void a_requirement_comes_with_its_mappings_but_never_the_licensed_text() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        long a22 = jdbc.queryForObject(
                "select r.id from framework.requirement r join framework.framework f on "
                        + "f.id = r.framework_id where f.code = 'ISO-IEC-42001-2023' and r.ref_id = 'A.2.2'",
                Long.class);
        long entriesBefore = jdbc.queryForObject(
                "select count(*) from audit.audit_entry where object_type = 'LicensedText' " + "and object_id = ?",
                Long.class,
                String.valueOf(a22));
        TestAccounts.signIn(officer);
        try {
            administration.pasteLicensedText(a22, "LICENSED-TEXT-MARKER the organisation shall document an AI policy");
        } finally {
            TestAccounts.signOut();
        }
        HttpResponse<String> response = new Http(port).get("/api/v1/requirements/" + a22, accounts.tokenFor(officer));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("LICENSED-TEXT-MARKER");
        assertThat(Http.json(response).path("mappings").findValuesAsString("refId"))
                .contains("MAP 1.4");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_type = 'LicensedText' "
                                + "and object_id = ?",
                        Long.class,
                        String.valueOf(a22)))
                .isEqualTo(entriesBefore + 1);
        assertThat(jdbc.queryForList(
                        "select changes from audit.audit_entry where object_type = 'LicensedText' "
                                + "and object_id = ?",
                        String.class,
                        String.valueOf(a22)))
                .noneMatch(c -> c.contains("LICENSED-TEXT-MARKER"));
    }

    @Test
    void an_officer_previews_then_imports_a_custom_framework_and_a_second_import_changes_nothing() throws Exception {
        String token = accounts.tokenFor(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        String code = "ACME-" + System.nanoTime();
        String yaml = """
                framework: {code: %s, name: ACME AI policy, version: "1"}
                requirements:
                  - id: P1
                    title: Accountability
                    children:
                      - {id: P1.1, title: Named owner}
                """.formatted(code);
        HttpResponse<String> preview = postYaml("/api/v1/frameworks/import?preview=true", token, yaml);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(Http.json(preview).path("added").size()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from framework.framework where code = ?", Long.class, code))
                .isZero();

        assertThat(postYaml("/api/v1/frameworks/import", token, yaml).statusCode())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from framework.requirement r join framework.framework f "
                                + "on f.id = r.framework_id where f.code = ? and f.custom",
                        Long.class,
                        code))
                .isEqualTo(2);
        HttpResponse<String> again = postYaml("/api/v1/frameworks/import", token, yaml);
        assertThat(Http.json(again).path("added").size()).isZero();
        assertThat(Http.json(again).path("changed").size()).isZero();
    }

    @Test
    void a_bad_custom_file_is_refused_with_line_and_field_and_leaves_nothing_behind() throws Exception {
        String token = accounts.tokenFor(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        String code = "BROKEN-" + System.nanoTime();
        HttpResponse<String> response = postYaml("/api/v1/frameworks/import", token, """
                framework: {code: %s, name: Broken, version: "1"}
                requirements:
                  - id: A
                    title: Good
                  - id: B
                """.formatted(code));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("line 5, requirements[1].title: is missing");
        assertThat(jdbc.queryForObject("select count(*) from framework.framework where code = ?", Long.class, code))
                .isZero();
    }

    @Test
    void an_auditor_may_not_import_a_framework_nor_change_a_crosswalk() throws Exception {
        String token = accounts.tokenFor(accounts.create("auditor", Role.AUDITOR));
        assertThat(postYaml("/api/v1/frameworks/import", token, "not: [valid").statusCode())
                .isEqualTo(403);
        assertThat(new Http(port).delete("/api/v1/crosswalks/edges/1", token).statusCode())
                .isEqualTo(403);
    }

    @Test
    void an_officer_adds_and_reviews_a_mapping_and_a_stale_review_is_refused() {
        String token = accounts.tokenFor(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        long source = id("OWASP-LLM-TOP10-2025", "LLM10:2025");
        long target = id("ISO-IEC-42001-2023", "A.6.2.6");
        Http http = new Http(port);
        HttpResponse<String> added = http.post("/api/v1/crosswalks/edges", token, """
                {"sourceRequirementId": %d, "targetRequirementId": %d, "relationship": "INTERSECT",
                 "confidence": "MEDIUM", "rationale": "Unbounded consumption is watched in operation"}""".formatted(source, target));
        assertThat(added.statusCode()).isEqualTo(201);
        long edge = Http.json(added).path("id").asLong();
        long version = Http.json(added).path("version").asLong();
        HttpResponse<String> reviewed = http.put(
                "/api/v1/crosswalks/edges/" + edge + "/review",
                token,
                "{\"version\": %d, \"relationship\": \"SUBSET\", \"confidence\": \"HIGH\", \"note\": \"checked\"}"
                        .formatted(version));
        assertThat(reviewed.statusCode()).isEqualTo(200);
        assertThat(Http.json(reviewed).path("relationship").asString()).isEqualTo("SUBSET");
        HttpResponse<String> stale = http.put(
                "/api/v1/crosswalks/edges/" + edge + "/review",
                token,
                "{\"version\": %d, \"relationship\": \"EQUAL\", \"confidence\": \"HIGH\"}".formatted(version));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_type = 'CrosswalkEdge' "
                                + "and object_id = ?",
                        Long.class,
                        String.valueOf(edge)))
                .isEqualTo(2);
        HttpResponse<String> unknownField = http.post(
                "/api/v1/crosswalks/edges",
                token,
                "{\"sourceRequirementId\": 1, \"targetRequirementId\": 2, \"relationship\": \"EQUAL\", \"confidence\": \"LOW\", \"colour\": 1}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownField.body()).contains("colour");
    }

    private long id(String framework, String ref) {
        return jdbc.queryForObject(
                "select r.id from framework.requirement r join framework.framework f on "
                        + "f.id = r.framework_id where f.code = ? and r.ref_id = ?",
                Long.class,
                framework,
                ref);
    }

    private HttpResponse<String> postYaml(String path, String token, String yaml) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/yaml")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(yaml))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
