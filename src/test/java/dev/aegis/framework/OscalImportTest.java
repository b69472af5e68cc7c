package dev.aegis.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@AegisTest
class OscalImportTest {

    @LocalServerPort
    int port;

    @Autowired
    OscalExporter exporter;

    @Autowired
    OscalImporter importer;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void signIn() {
        TestAccounts.signIn(accounts.create("oscal-importer", Role.GOVERNANCE_OFFICER));
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void every_bundled_catalog_round_trips_through_oscal_into_a_custom_framework_with_the_same_tree() {
        for (String code : OscalExportTest.FRAMEWORKS) {
            String copy = "RT-" + Long.toString(System.nanoTime(), 36) + "-" + code;
            byte[] file = bytes(exporter.catalog(code).document());

            CatalogDiff diff = importer.importCatalog(file, copy);

            assertThat(diff.newFramework()).isTrue();
            assertThat(tree(copy)).as(code).isEqualTo(tree(code));
            assertThat(countsByKind(copy)).as(code).isEqualTo(countsByKind(code));
            assertThat(links(copy)).as(code).isEqualTo(links(code));
            assertThat(jdbc.queryForObject(
                            "select custom from framework.framework where code = ?", Boolean.class, copy))
                    .isTrue();
        }
    }

    @Test
    void the_framework_keeps_its_publisher_version_and_licence_through_the_round_trip() {
        String copy = "RT-INFO-" + Long.toString(System.nanoTime(), 36);
        importer.importCatalog(bytes(exporter.catalog(BundledCatalogs.OWASP_LLM).document()), copy);
        Map<String, Object> original = info(BundledCatalogs.OWASP_LLM);
        Map<String, Object> imported = info(copy);
        for (String field : List.of("name", "catalog_version", "publisher", "url", "licence", "attribution")) {
            assertThat(imported.get(field)).as(field).isEqualTo(original.get(field));
        }
        assertThat((String) imported.get("provenance")).startsWith("OSCAL 1.2.1 catalog ");
    }

    @Test
    void a_catalog_from_another_tool_becomes_clauses_and_controls_with_labels_and_statement_text() {
        String file = """
                {"catalog": {"uuid": "8f7a3b52-4c1d-4e6f-9a2b-1c3d5e7f9a0b",
                  "metadata": {"title": "Example Security Controls", "last-modified": "2025-03-01T12:00:00Z",
                    "version": "5.1", "oscal-version": "1.1.2",
                    "links": [{"href": "https://example.org/controls", "rel": "alternate"}],
                    "roles": [{"id": "creator", "title": "Creator"}],
                    "parties": [{"uuid": "0b1c2d3e-4f50-4a1b-8c2d-3e4f5a6b7c8d", "type": "organization", "name": "Example Org"}],
                    "responsible-parties": [{"role-id": "creator", "party-uuids": ["0b1c2d3e-4f50-4a1b-8c2d-3e4f5a6b7c8d"]}]},
                  "groups": [{"id": "ac", "class": "family", "title": "Access Control",
                    "controls": [
                      {"id": "ac-1", "class": "SP800-53", "title": "Policy and Procedures",
                       "props": [{"name": "label", "value": "AC-1"}],
                       "parts": [{"id": "ac-1_smt", "name": "statement", "parts": [
                           {"id": "ac-1_smt.a", "name": "item", "props": [{"name": "label", "value": "a."}],
                            "prose": "Develop an access control policy;"},
                           {"id": "ac-1_smt.b", "name": "item", "props": [{"name": "label", "value": "b."}],
                            "prose": "Review it yearly."}]},
                         {"id": "ac-1_gdn", "name": "guidance", "prose": "Guidance is not requirement text."}],
                       "controls": [{"id": "ac-1.1", "title": "Automation", "props": [{"name": "label", "value": "AC-1(1)"}],
                         "links": [{"href": "#ac-1", "rel": "required"}]}]},
                      {"id": "ac-2", "title": "Account Management",
                       "props": [{"name": "label", "value": "AC-2"}, {"name": "status", "value": "withdrawn"}]}]}]}}
                """;
        CatalogDocument doc = importer.read(file.getBytes(StandardCharsets.UTF_8), null);

        assertThat(doc.info().code()).isEqualTo("EXAMPLE-SECURITY-CONTROLS");
        assertThat(doc.info().name()).isEqualTo("Example Security Controls");
        assertThat(doc.info().version()).isEqualTo("5.1");
        assertThat(doc.info().publisher()).isEqualTo("Example Org");
        assertThat(doc.info().url()).isEqualTo("https://example.org/controls");
        assertThat(doc.info().custom()).isTrue();
        assertThat(doc.nodes())
                .containsExactly(
                        new CatalogDocument.Node("ac", "Access Control", null, RequirementKind.CLAUSE, null, false),
                        new CatalogDocument.Node(
                                "AC-1",
                                "Policy and Procedures",
                                "a. Develop an access control policy;\n\nb. Review it yearly.",
                                RequirementKind.CONTROL,
                                "ac",
                                true),
                        new CatalogDocument.Node("AC-1(1)", "Automation", null, RequirementKind.CONTROL, "AC-1", true));
        assertThat(doc.links()).isEmpty(); // "required" is not a link Aegis keeps inside a catalog
    }

    @Test
    void an_invalid_oscal_file_is_refused_naming_the_json_path_and_leaves_nothing_behind() {
        String code = "BROKEN-" + Long.toString(System.nanoTime(), 36);
        ObjectNode doc = (ObjectNode)
                exporter.catalog(BundledCatalogs.OWASP_LLM).document().deepCopy();
        ((ObjectNode) doc.at("/catalog/metadata")).remove("version");
        ((ObjectNode) doc.at("/catalog/controls/2")).put("id", "LLM03 2025");
        long frameworks = count("framework.framework");
        long requirements = count("framework.requirement");
        long audit = count("audit.audit_entry");

        assertThatThrownBy(() -> importer.importCatalog(bytes(doc), code))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageStartingWith("The file is not a valid OSCAL 1.2.1 catalog: ")
                .hasMessageContaining("$.catalog.metadata: required property 'version' not found")
                .hasMessageContaining("$.catalog.controls[2].id: ")
                .satisfies(e -> assertThat(((DomainRuleException) e).field()).startsWith("$.catalog"));
        assertThatThrownBy(() -> importer.importCatalog("{\"catalog\": {".getBytes(StandardCharsets.UTF_8), code))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("not well-formed JSON (line 1");
        assertThatThrownBy(() -> importer.importCatalog("{\"profile\": {}}".getBytes(StandardCharsets.UTF_8), code))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("$: required property 'catalog' not found");

        assertThat(count("framework.framework")).isEqualTo(frameworks);
        assertThat(count("framework.requirement")).isEqualTo(requirements);
        assertThat(count("audit.audit_entry")).isEqualTo(audit);
    }

    @Test
    void a_catalog_that_reuses_a_reference_id_is_refused_naming_both_places() {
        ObjectNode doc = (ObjectNode)
                exporter.catalog(BundledCatalogs.OWASP_LLM).document().deepCopy();
        ObjectNode second = (ObjectNode) doc.at("/catalog/controls/1");
        ((ObjectNode) second.path("props").get(0)).put("value", "LLM01:2025");
        assertThatThrownBy(() -> importer.read(bytes(doc), "DUP-" + System.nanoTime()))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining(
                        "$.catalog.controls[1] has the reference id LLM01:2025, as has $.catalog.controls[0]");
    }

    @Test
    void an_officer_previews_then_imports_an_oscal_catalog_through_the_api() {
        String token = accounts.tokenFor(accounts.create("oscal-api-officer", Role.GOVERNANCE_OFFICER));
        var http = new Http(port);
        String file = http.get("/api/v1/frameworks/" + BundledCatalogs.NIST_RMF + "/oscal", token)
                .body();
        String code = "API-" + Long.toString(System.nanoTime(), 36);

        var preview = http.post("/api/v1/frameworks/import/oscal?code=" + code, token, file);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(Http.json(preview).path("newFramework").asBoolean()).isTrue();
        assertThat(Http.json(preview).path("added").size()).isEqualTo(95);
        assertThat(frameworkExists(code)).isFalse();

        var imported = http.post("/api/v1/frameworks/import/oscal?preview=false&code=" + code, token, file);
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(frameworkExists(code)).isTrue();
        var again = http.post("/api/v1/frameworks/import/oscal?preview=false&code=" + code, token, file);
        assertThat(Http.json(again).path("added").size()).isZero();

        var invalid = http.post(
                "/api/v1/frameworks/import/oscal?code=X" + code, token, "{\"catalog\": {\"uuid\": \"nope\"}}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(Http.json(invalid).path("detail").asString()).contains("$.catalog.uuid");
        var bundled = http.post("/api/v1/frameworks/import/oscal?preview=false", token, file);
        assertThat(bundled.statusCode()).isEqualTo(422); // the export names NIST-AI-RMF-1.0, which ships with Aegis
    }

    @Test
    void an_auditor_may_export_but_not_import() {
        String token = accounts.tokenFor(accounts.create("oscal-api-auditor", Role.AUDITOR));
        var http = new Http(port);
        var export = http.get("/api/v1/frameworks/" + BundledCatalogs.ISO_42001 + "/oscal", token);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/crosswalks/NIST-AI-RMF-1.0_to_ISO-IEC-42001-2023/oscal", token)
                        .statusCode())
                .isEqualTo(200);
        String code = "AUDITOR-" + Long.toString(System.nanoTime(), 36);

        for (String preview : List.of("true", "false")) {
            var refused = http.post(
                    "/api/v1/frameworks/import/oscal?preview=" + preview + "&code=" + code, token, export.body());
            assertThat(refused.statusCode()).isEqualTo(403);
        }
        // refused before the file is read: a broken file gets the same answer
        assertThat(http.post("/api/v1/frameworks/import/oscal?code=" + code, token, "{")
                        .statusCode())
                .isEqualTo(403);
        assertThat(frameworkExists(code)).isFalse();
    }

    @Test
    void an_unknown_framework_or_crosswalk_is_not_found() {
        String token = accounts.tokenFor(accounts.create("oscal-api-reader", Role.SYSTEM_OWNER));
        var http = new Http(port);
        assertThat(http.get("/api/v1/frameworks/NOPE/oscal", token).statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/crosswalks/NOPE/oscal", token).statusCode())
                .isEqualTo(404);
    }

    private static byte[] bytes(JsonNode doc) {
        return doc.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Each requirement with its parent, text and kind, depth-first with siblings in catalog order. */
    private List<String> tree(String code) {
        Map<String, List<String[]>> children = new LinkedHashMap<>();
        jdbc.query(
                "select r.ref_id, p.ref_id, r.title, r.text, r.kind, r.assessable, r.depth from framework.requirement r "
                        + "join framework.framework f on f.id = r.framework_id left join framework.requirement p on p.id = r.parent_id "
                        + "where f.code = ? and not r.withdrawn order by r.sort_order",
                rs -> {
                    children.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(new String[] {
                                rs.getString(1),
                                String.join(
                                        " | ",
                                        rs.getString(1),
                                        String.valueOf(rs.getString(2)),
                                        rs.getString(3),
                                        String.valueOf(rs.getString(4)),
                                        rs.getString(5),
                                        rs.getString(6),
                                        rs.getString(7))
                            });
                },
                code);
        List<String> out = new ArrayList<>();
        walk(children, null, out);
        return out;
    }

    private static void walk(Map<String, List<String[]>> children, String parent, List<String> out) {
        for (String[] row : children.getOrDefault(parent, List.of())) {
            out.add(row[1]);
            walk(children, row[0], out);
        }
    }

    private Map<String, Long> countsByKind(String code) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "select r.kind, count(*) from framework.requirement r join framework.framework f on f.id = r.framework_id "
                        + "where f.code = ? and not r.withdrawn group by r.kind order by r.kind",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                },
                code);
        return counts;
    }

    /** A link's note travels as OSCAL link text, which is one line: compared with its white space collapsed. */
    private List<String> links(String code) {
        return jdbc.queryForList(
                "select s.ref_id || ' ' || l.link_type || ' ' || t.ref_id || ' ' "
                        + "|| trim(regexp_replace(coalesce(l.note, ''), '\\s+', ' ', 'g')) "
                        + "from framework.requirement_link l join framework.requirement s on s.id = l.source_id "
                        + "join framework.requirement t on t.id = l.target_id join framework.framework f on f.id = s.framework_id "
                        + "where f.code = ? order by 1",
                String.class,
                code);
    }

    private Map<String, Object> info(String code) {
        return jdbc.queryForMap("select * from framework.framework where code = ?", code);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private boolean frameworkExists(String code) {
        return jdbc.queryForObject("select count(*) from framework.framework where code = ?", Long.class, code) > 0;
    }
}
