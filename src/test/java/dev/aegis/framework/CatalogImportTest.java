package dev.aegis.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.framework.CatalogDocument.Info;
import dev.aegis.framework.CatalogDocument.Node;
import dev.aegis.shared.DomainRuleException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class CatalogImportTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CatalogImporter importer;

    @Autowired
    BundledCatalogs bundled;

    @Test
    void the_bundled_catalogs_hold_the_published_counts() {
        assertThat(count("NIST-AI-RMF-1.0", "FUNCTION")).isEqualTo(4);
        assertThat(count("NIST-AI-RMF-1.0", "CATEGORY")).isEqualTo(19);
        assertThat(count("NIST-AI-RMF-1.0", "SUBCATEGORY")).isEqualTo(72);
        assertThat(count("ISO-IEC-42001-2023", "CLAUSE")).isEqualTo(43);
        assertThat(jdbc.queryForObject(
                        "select count(*) from framework.requirement r join framework.framework f "
                                + "on f.id = r.framework_id where f.code = 'ISO-IEC-42001-2023' and r.kind = 'CLAUSE' and r.depth = 0",
                        Long.class))
                .isEqualTo(7);
        assertThat(count("ISO-IEC-42001-2023", "CONTROL_OBJECTIVE")).isEqualTo(11); // A.2–A.10, with A.6 split in two
        assertThat(count("ISO-IEC-42001-2023", "CONTROL")).isEqualTo(38);
        assertThat(count("OWASP-LLM-TOP10-2025", "RISK")).isEqualTo(10);
        assertThat(count("MITRE-ATLAS", "TACTIC")).isEqualTo(16);
        assertThat(count("MITRE-ATLAS", "TECHNIQUE")).isEqualTo(101);
        assertThat(count("MITRE-ATLAS", "SUB_TECHNIQUE")).isEqualTo(69);
        assertThat(count("MITRE-ATLAS", "MITIGATION")).isEqualTo(35);
        assertThat(jdbc.queryForObject(
                        "select count(*) from framework.requirement_link where link_type = 'ADDRESSES' "
                                + "and source_id in (select id from framework.requirement where kind = 'MITIGATION')",
                        Long.class))
                .isEqualTo(246);
        assertThat(count("NIST-AI-600-1", "RISK")).isEqualTo(12);
        assertThat(count("NIST-AI-600-1", "ACTION")).isEqualTo(212);
        assertThat(edges("NIST-AI-RMF-1.0_to_ISO-IEC-42001-2023")).isEqualTo(280);
        assertThat(edges("OWASP-LLM-TOP10-2025_to_MITRE-ATLAS")).isEqualTo(16);
        assertThat(edges("NIST-AI-600-1_to_NIST-AI-RMF-1.0")).isEqualTo(212);
    }

    @Autowired
    CatalogBootstrap bootstrap;

    @Test
    void a_restart_with_an_unchanged_bundle_skips_the_import_and_a_changed_bundle_imports_again() {
        assertThat(jdbc.queryForList("select sha256 from framework.bundle_import", String.class))
                .containsExactly(bundled.contentHash());
        Long caseStudy = jdbc.queryForObject(
                "select min(r.id) from framework.requirement r join framework.framework f on f.id = r.framework_id "
                        + "where f.code = 'MITRE-ATLAS' and r.kind = 'CASE_STUDY'",
                Long.class);
        String published = jdbc.queryForObject(
                "select content_hash from framework.requirement where id = ?", String.class, caseStudy);
        jdbc.update("update framework.requirement set content_hash = 'drifted' where id = ?", caseStudy);

        bootstrap.run(null);
        assertThat(jdbc.queryForObject(
                        "select content_hash from framework.requirement where id = ?", String.class, caseStudy))
                .as("the bundle's hash is the one imported: nothing was read or compared")
                .isEqualTo("drifted");

        jdbc.update("update framework.bundle_import set sha256 = 'an older bundle'");
        bootstrap.run(null);
        assertThat(jdbc.queryForObject(
                        "select content_hash from framework.requirement where id = ?", String.class, caseStudy))
                .as("another bundle: imported, which puts the requirement back as published")
                .isEqualTo(published);
        assertThat(jdbc.queryForList("select sha256 from framework.bundle_import", String.class))
                .containsExactly(bundled.contentHash());
    }

    @Test
    void three_crosswalk_rows_of_the_published_crosswalks_are_flagged_for_review() {
        // the EU AI Act crosswalks are authored by Aegis and flagged for review as a whole (EuAiActCatalogTest)
        assertThat(jdbc.queryForList(
                        "select s.ref_id || '>' || t.ref_id from framework.crosswalk_edge e "
                                + "join framework.crosswalk c on c.id = e.crosswalk_id "
                                + "join framework.requirement s on s.id = e.source_requirement_id "
                                + "join framework.requirement t on t.id = e.target_requirement_id where e.needs_review "
                                + "and c.code not like 'EU-AI-ACT%' order by 1",
                        String.class))
                .containsExactly("GOVERN 3.2>A.3.2", "MAP 1.4>A.2.2", "MAP 1.5>6.1.1");
    }

    static final String CATALOG_AUDIT = "select count(*) from audit.audit_entry "
            + "where object_type in ('Framework', 'Crosswalk', 'CrosswalkEdge', 'LicensedText')";

    @Test
    void importing_the_bundled_catalogs_again_changes_nothing() {
        long requirements = jdbc.queryForObject("select count(*) from framework.requirement", Long.class);
        long imports = jdbc.queryForObject("select count(*) from framework.catalog_import", Long.class);
        // the catalogs' own entries: the scheduled jobs of other modules (telemetry tests, alert polls) write theirs
        // meanwhile
        long audit = jdbc.queryForObject(CATALOG_AUDIT, Long.class);
        for (CatalogDocument doc : bundled.catalogs()) {
            assertThat(importer.diff(doc).isEmpty()).as(doc.info().code()).isTrue();
            assertThat(importer.apply(doc).isEmpty()).isTrue();
        }
        for (CrosswalkDocument doc : bundled.crosswalks()) {
            assertThat(importer.apply(doc)).isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from framework.requirement", Long.class))
                .isEqualTo(requirements);
        assertThat(jdbc.queryForObject("select count(*) from framework.catalog_import", Long.class))
                .isEqualTo(imports);
        assertThat(jdbc.queryForObject(CATALOG_AUDIT, Long.class)).isEqualTo(audit);
    }

    @Test
    void a_new_version_keeps_ids_withdraws_what_it_drops_and_flags_the_crosswalk_edges_it_touches() {
        String code = "TEST-UPGRADE-" + System.nanoTime();
        Info v1 = new Info(code, "Upgrade test", "1.0", "Aegis tests", null, "CC0", null, null, true);
        importer.apply(new CatalogDocument(
                v1,
                List.of(
                        node("A", "Alpha", null),
                        node("A.1", "Alpha one", "A"),
                        node("A.2", "Alpha two", "A"),
                        node("B", "Beta", null)),
                List.of()));
        long alphaOne = id(code, "A.1");
        long alphaTwo = id(code, "A.2");
        // an edge from another framework to A.2, standing in for what our controls and risks point at
        long crosswalk = jdbc.queryForObject(
                "insert into framework.crosswalk (code, name, source_framework_id, "
                        + "target_framework_id, content_hash) select ?, 'test', f.id, t.id, 'x' from framework.framework f, "
                        + "framework.framework t where f.code = 'NIST-AI-RMF-1.0' and t.code = ? returning id",
                Long.class,
                code + "-cw",
                code);
        jdbc.update(
                "insert into framework.crosswalk_edge (crosswalk_id, source_requirement_id, target_requirement_id, "
                        + "relationship, mapping_source, source_version, target_version) values (?, ?, ?, 'RELATED', 'test', '1', '1')",
                crosswalk,
                id("NIST-AI-RMF-1.0", "GOVERN 1.1"),
                alphaTwo);

        Info v2 = new Info(code, "Upgrade test", "2.0", "Aegis tests", null, "CC0", null, null, true);
        CatalogDocument next = new CatalogDocument(
                v2,
                List.of(
                        node("A", "Alpha", null),
                        node("A.1", "Alpha one, reworded", "A"),
                        node("B", "Beta", null),
                        node("C", "Gamma", null)),
                List.of());
        CatalogDiff preview = importer.diff(next);
        assertThat(preview.added()).containsExactly("C");
        assertThat(preview.changed()).containsExactly("A.1");
        assertThat(preview.withdrawn()).containsExactly("A.2");
        assertThat(preview.crosswalkEdgesTouched()).isEqualTo(1);
        assertThat(id(code, "C")).isNull(); // a preview writes nothing

        importer.apply(next);
        assertThat(id(code, "A.1")).isEqualTo(alphaOne);
        assertThat(jdbc.queryForObject(
                        "select withdrawn_in from framework.requirement where id = ?", String.class, alphaTwo))
                .isEqualTo("2.0");
        assertThat(jdbc.queryForObject(
                        "select catalog_changed from framework.crosswalk_edge where target_requirement_id = ?",
                        Boolean.class,
                        alphaTwo))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_id = ? and action = 'UPGRADE'",
                        Long.class,
                        code))
                .isEqualTo(1);
    }

    @Test
    void a_catalog_that_contradicts_itself_is_refused_whole() {
        String code = "TEST-BROKEN-" + System.nanoTime();
        List<Node> nodes = new ArrayList<>();
        nodes.add(node("X", "Fine", null));
        nodes.add(node("Y", "Orphan", "NOPE"));
        nodes.add(node("X", "Twice", null));
        CatalogDocument broken = new CatalogDocument(
                new Info(code, "Broken", "1", null, null, null, null, null, true), nodes, List.of());
        assertThatThrownBy(() -> importer.apply(broken))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("X appears twice")
                .hasMessageContaining("unknown parent NOPE");
        assertThat(jdbc.queryForObject("select count(*) from framework.framework where code = ?", Long.class, code))
                .isZero();
    }

    private static Node node(String ref, String title, String parent) {
        return new Node(ref, title, title + " text", RequirementKind.CLAUSE, parent, true);
    }

    private Long id(String framework, String ref) {
        return jdbc.query(
                "select r.id from framework.requirement r join framework.framework f on f.id = r.framework_id "
                        + "where f.code = ? and r.ref_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null,
                framework,
                ref);
    }

    private long count(String framework, String kind) {
        return jdbc.queryForObject(
                "select count(*) from framework.requirement r join framework.framework f "
                        + "on f.id = r.framework_id where f.code = ? and r.kind = ? and not r.withdrawn",
                Long.class,
                framework,
                kind);
    }

    private long edges(String crosswalk) {
        return jdbc.queryForObject(
                "select count(*) from framework.crosswalk_edge e join framework.crosswalk c "
                        + "on c.id = e.crosswalk_id where c.code = ?",
                Long.class,
                crosswalk);
    }
}
