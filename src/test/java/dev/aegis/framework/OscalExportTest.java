package dev.aegis.framework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.framework.CatalogDocument.Info;
import dev.aegis.framework.CatalogDocument.Node;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@AegisTest
class OscalExportTest {

    static final List<String> FRAMEWORKS = List.of(
            BundledCatalogs.NIST_RMF,
            BundledCatalogs.ISO_42001,
            BundledCatalogs.OWASP_LLM,
            BundledCatalogs.ATLAS,
            BundledCatalogs.NIST_GAI,
            BundledCatalogs.EU_AI_ACT);
    static final List<String> CROSSWALKS = List.of(
            "NIST-AI-RMF-1.0_to_ISO-IEC-42001-2023",
            "OWASP-LLM-TOP10-2025_to_MITRE-ATLAS",
            "NIST-AI-600-1_to_NIST-AI-RMF-1.0",
            "EU-AI-ACT-2024-1689_to_ISO-IEC-42001-2023",
            "EU-AI-ACT-2024-1689_to_NIST-AI-RMF-1.0");

    @LocalServerPort
    int port;

    @Autowired
    OscalExporter exporter;

    @Autowired
    CatalogAdministration administration;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    AegisUser officer;

    @BeforeEach
    void signIn() {
        officer = accounts.create("oscal-officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void every_bundled_framework_exports_as_a_catalog_the_official_oscal_schema_accepts() {
        for (String code : FRAMEWORKS) {
            JsonNode doc = exporter.catalog(code).document();
            assertThat(OscalSchemas.catalogProblems(doc)).as(code).isEmpty();
            assertThat(doc.at("/catalog/metadata/oscal-version").asString()).isEqualTo("1.2.1");
            assertThat(controls(doc)).as(code).hasSize(catalog.tree(code, true).size());
        }
    }

    @Test
    void control_ids_are_derived_from_reference_ids_which_are_kept_as_labels() {
        assertThat(label(exporter.catalog(BundledCatalogs.NIST_RMF).document(), "govern-1.1"))
                .isEqualTo("GOVERN 1.1");
        assertThat(label(exporter.catalog(BundledCatalogs.OWASP_LLM).document(), "llm01-2025"))
                .isEqualTo("LLM01:2025");
        assertThat(label(exporter.catalog(BundledCatalogs.ISO_42001).document(), "_6.1.2"))
                .isEqualTo("6.1.2");
        JsonNode atlas = exporter.catalog(BundledCatalogs.ATLAS).document();
        assertThat(label(atlas, "aml.t0051.000")).isEqualTo("AML.T0051.000");
        // a mitigation names the techniques it addresses
        JsonNode mitigation = find(atlas, "aml.m0000");
        assertThat(mitigation
                        .path("links")
                        .valueStream()
                        .map(l -> l.path("rel").asString())
                        .distinct()
                        .toList())
                .containsExactly("addresses");
        assertThat(mitigation
                        .path("links")
                        .valueStream()
                        .map(l -> l.path("href").asString()))
                .allMatch(href -> href.startsWith("#aml.t"));
        assertThat(find(atlas, "aml.ta0000").path("class").asString()).isEqualTo("tactic");
    }

    @Test
    void headings_become_groups_and_what_is_assessed_or_mapped_becomes_a_control() {
        JsonNode rmf = exporter.catalog(BundledCatalogs.NIST_RMF).document().path("catalog");
        assertThat(rmf.path("groups").size()).isEqualTo(4);
        assertThat(rmf.at("/groups/0/title").asString()).isNotBlank();
        assertThat(rmf.at("/groups/0/groups/0/controls/0/id").asString()).isEqualTo("govern-1.1");
        JsonNode iso = exporter.catalog(BundledCatalogs.ISO_42001).document().path("catalog");
        // clause 6 holds 6.1 (a heading with sub-clauses) next to 6.2: OSCAL allows no mix, so 6.1 is a control
        JsonNode six = iso.path("groups")
                .valueStream()
                .filter(g -> g.path("id").asString().equals("_6"))
                .findFirst()
                .orElseThrow();
        assertThat(six.has("groups")).isFalse();
        assertThat(six.at("/controls/0/id").asString()).isEqualTo("_6.1");
        assertThat(six.at("/controls/0/controls/0/id").asString()).isEqualTo("_6.1.1");
    }

    @Test
    void every_bundled_crosswalk_exports_as_a_mapping_collection_the_official_oscal_schema_accepts() {
        for (String code : CROSSWALKS) {
            JsonNode doc = exporter.mapping(code).document();
            assertThat(OscalSchemas.mappingProblems(doc)).as(code).isEmpty();
            JsonNode mapping = doc.at("/mapping-collection/mappings/0");
            Set<String> sourceIds = controlIds(exporter.catalog(prop(mapping.path("source-resource"), "framework-code"))
                    .document());
            Set<String> targetIds = controlIds(exporter.catalog(prop(mapping.path("target-resource"), "framework-code"))
                    .document());
            assertThat(mapping.path("maps").size())
                    .as(code)
                    .isEqualTo(catalog.edges(code).size());
            for (JsonNode map : mapping.path("maps")) {
                // every reference resolves to a control of the catalog exports, never to a group
                assertThat(sourceIds).contains(map.at("/sources/0/id-ref").asString());
                assertThat(targetIds).contains(map.at("/targets/0/id-ref").asString());
                assertThat(map.path("relationship").asString())
                        .isIn("equivalent-to", "subset-of", "superset-of", "intersects-with");
                assertThat(prop(map, "needs-review")).isIn("true", "false");
                assertThat(prop(map, "catalog-changed")).isIn("true", "false");
            }
        }
        JsonNode nistToIso = exporter.mapping(CROSSWALKS.getFirst()).document().path("mapping-collection");
        assertThat(nistToIso.at("/provenance/status").asString()).isEqualTo("draft"); // three rows need review
        JsonNode flagged = nistToIso
                .at("/mappings/0/maps")
                .valueStream()
                .filter(m -> m.at("/sources/0/id-ref").asString().equals("map-1.4")
                        && m.at("/targets/0/id-ref").asString().equals("a.2.2"))
                .findFirst()
                .orElseThrow();
        assertThat(prop(flagged, "needs-review")).isEqualTo("true");
        assertThat(prop(flagged, "relationship")).isEqualTo("RELATED");
    }

    @Test
    void licensed_text_pasted_for_an_iso_control_appears_in_no_export() {
        String token = accounts.tokenFor(officer);
        TestAccounts.signIn(officer); // making a token signs out
        long a22 =
                catalog.find(BundledCatalogs.ISO_42001, "A.2.2").orElseThrow().id();
        String secret = "Licensed wording " + System.nanoTime() + ": the organisation shall document an AI policy";
        administration.pasteLicensedText(a22, secret);
        try {
            assertThat(catalog.requirement(a22).licensedText()).isEqualTo(secret);
            for (String code : FRAMEWORKS) {
                assertThat(exporter.catalog(code).document().toString())
                        .as(code)
                        .doesNotContain("Licensed wording");
            }
            for (String code : CROSSWALKS) {
                assertThat(exporter.mapping(code).document().toString())
                        .as(code)
                        .doesNotContain("Licensed wording");
            }
            var http = new Http(port);
            assertThat(http.get("/api/v1/frameworks/" + BundledCatalogs.ISO_42001 + "/oscal", token)
                            .body())
                    .contains("a.2.2")
                    .doesNotContain("Licensed wording");
        } finally {
            administration.pasteLicensedText(a22, "");
        }
    }

    @Test
    void an_export_is_recorded_in_the_audit_log() {
        var auditor = accounts.create("oscal-auditor", Role.AUDITOR);
        String token = accounts.tokenFor(auditor);
        var http = new Http(port);

        var catalogResponse = http.getAsBrowser("/api/v1/frameworks/" + BundledCatalogs.OWASP_LLM + "/oscal", token);
        var mappingResponse = http.get("/api/v1/crosswalks/OWASP-LLM-TOP10-2025_to_MITRE-ATLAS/oscal", token);

        assertThat(catalogResponse.statusCode()).isEqualTo(200);
        assertThat(catalogResponse.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/json");
        assertThat(catalogResponse.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment")
                .contains("OWASP-LLM-TOP10-2025.oscal-catalog.json");
        assertThat(Http.json(catalogResponse).at("/catalog/metadata/title").asString())
                .contains("OWASP");
        assertThat(mappingResponse.statusCode()).isEqualTo(200);
        assertThat(mappingResponse.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where action = 'EXPORT' and actor = ? "
                                + "and object_type = 'Framework' and object_id = ? and changes like '%OSCAL 1.2.1 catalog%'",
                        Long.class, auditor.username(), BundledCatalogs.OWASP_LLM))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where action = 'EXPORT' and actor = ? "
                                + "and object_type = 'Crosswalk' and object_id = ?",
                        Long.class,
                        auditor.username(),
                        "OWASP-LLM-TOP10-2025_to_MITRE-ATLAS"))
                .isEqualTo(1);
    }

    @Test
    void exporting_unchanged_content_twice_gives_the_same_document() {
        JsonNode first = exporter.catalog(BundledCatalogs.NIST_GAI).document();
        JsonNode second = exporter.catalog(BundledCatalogs.NIST_GAI).document();
        assertThat(second).isEqualTo(first);
        assertThat(first.at("/catalog/uuid").asString())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(exporter.mapping(CROSSWALKS.get(2)).document())
                .isEqualTo(exporter.mapping(CROSSWALKS.get(2)).document());
    }

    @Test
    void a_withdrawn_requirement_is_exported_with_status_withdrawn_and_a_new_version_gets_a_new_uuid() {
        String code = "OSCAL-WITHDRAWN-" + System.nanoTime();
        administration.importCustom(doc(code, "1", node("A", null), node("A.1", "A"), node("A.2", "A")));
        JsonNode v1 = exporter.catalog(code).document();
        administration.importCustom(doc(code, "2", node("A", null), node("A.1", "A")));
        JsonNode v2 = exporter.catalog(code).document();

        assertThat(OscalSchemas.catalogProblems(v2)).isEmpty();
        JsonNode withdrawn = find(v2, "a.2");
        assertThat(prop(withdrawn, "status")).isEqualTo("withdrawn");
        assertThat(find(v2, "a.1").path("props").toString()).doesNotContain("withdrawn");
        assertThat(v2.at("/catalog/uuid")).isNotEqualTo(v1.at("/catalog/uuid"));
    }

    static CatalogDocument doc(String code, String version, Node... nodes) {
        return new CatalogDocument(
                new Info(code, "Withdrawal test", version, "Aegis tests", null, "CC0", null, null, true),
                List.of(nodes),
                List.of());
    }

    static Node node(String ref, String parent) {
        return new Node(ref, ref + " title", ref + " text", RequirementKind.CLAUSE, parent, true);
    }

    /** Every group and control of a catalog document, depth-first. */
    static List<JsonNode> controls(JsonNode doc) {
        List<JsonNode> out = new ArrayList<>();
        collect(doc.path("catalog"), out);
        return out;
    }

    private static void collect(JsonNode container, List<JsonNode> out) {
        for (String field : List.of("groups", "controls")) {
            for (JsonNode child : container.path(field)) {
                out.add(child);
                collect(child, out);
            }
        }
    }

    /** The ids of controls only: what a mapping may reference. */
    private static Set<String> controlIds(JsonNode doc) {
        Set<String> ids = new HashSet<>();
        collectControls(doc.path("catalog"), false, ids);
        return ids;
    }

    private static void collectControls(JsonNode container, boolean isControl, Set<String> ids) {
        if (isControl) {
            ids.add(container.path("id").asString());
        }
        container.path("groups").forEach(g -> collectControls(g, false, ids));
        container.path("controls").forEach(c -> collectControls(c, true, ids));
    }

    static JsonNode find(JsonNode doc, String id) {
        return controls(doc).stream()
                .filter(n -> n.path("id").asString().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id));
    }

    static String label(JsonNode doc, String id) {
        return prop(find(doc, id), "label");
    }

    static String prop(JsonNode node, String name) {
        return node.path("props")
                .valueStream()
                .filter(p -> p.path("name").asString().equals(name))
                .map(p -> p.path("value").asString())
                .findFirst()
                .orElse(null);
    }
}
