package dev.aegis.framework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Regulation (EU) 2024/1689 as the sixth bundled framework: its structure, its references, its crosswalks. */
@AegisTest
class EuAiActCatalogTest {

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestAccounts accounts;

    @BeforeEach
    void signIn() {
        TestAccounts.signIn(accounts.create("euaiact-catalog-officer", Role.GOVERNANCE_OFFICER));
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_act_is_loaded_with_its_113_articles_13_annexes_and_their_text() {
        assertThat(count("ARTICLE")).isEqualTo(113);
        assertThat(count("ANNEX")).isEqualTo(13);
        assertThat(count("CHAPTER")).isEqualTo(13);
        assertThat(count("PARAGRAPH")).isEqualTo(488);
        assertThat(jdbc.queryForObject(
                        "select count(*) from framework.requirement r join framework.framework f on f.id = r.framework_id "
                                + "where f.code = 'EU-AI-ACT-2024-1689' and r.assessable",
                        Long.class))
                .as("articles are what a system is assessed against")
                .isEqualTo(113);
    }

    @Test
    void articles_paragraphs_and_annex_points_keep_stable_references_with_their_text() {
        RequirementSummary article = find("Article 26");
        assertThat(article.title()).isEqualTo("Obligations of deployers of high-risk AI systems");
        assertThat(article.kind()).isEqualTo(RequirementKind.ARTICLE);

        RequirementSummary logs = find("26.6");
        assertThat(logs.parentId()).isEqualTo(article.id());
        assertThat(logs.title()).startsWith("Art. 26(6): Deployers of high-risk AI systems shall keep the logs");
        assertThat(catalog.requirement(logs.id()).text()).contains("of at least six months");

        assertThat(find("5.1.c").title()).startsWith("Art. 5(1)(c):");

        RequirementSummary employment = find("Annex III 4");
        assertThat(employment.title()).isEqualTo("Employment, workers management and access to self-employment");
        RequirementSummary recruitment = find("Annex III 4(a)");
        assertThat(recruitment.parentId()).isEqualTo(employment.id());
        assertThat(catalog.requirement(recruitment.id()).text())
                .startsWith("AI systems intended to be used for the recruitment or selection of natural persons");
        assertThat(catalog.requirement(find("Annex III 5(b)").id()).text()).contains("creditworthiness");
        assertThat(catalog.requirement(find("Annex III 1(a)").id()).text())
                .as("a point keeps the lines that continue it")
                .contains("This shall not include AI systems intended to be used for biometric verification");
        assertThat(find("Annex III 1").title()).isEqualTo("Biometrics");
        assertThat(find("Annex IV 2").refId()).isEqualTo("Annex IV 2");
        assertThat(find("Article 43 (2)(a)").kind()).isEqualTo(RequirementKind.POINT);
    }

    @Test
    void the_act_is_searchable_by_words_and_by_reference() {
        List<String> byWords = catalog.search("EU-AI-ACT-2024-1689", "human oversight", null, PageRequest.of(0, 20))
                .map(RequirementSummary::refId)
                .getContent();
        assertThat(byWords).contains("Article 14");
        assertThat(catalog.search(null, "Annex III 4(a)", null, PageRequest.of(0, 5))
                        .getContent()
                        .getFirst()
                        .refId())
                .isEqualTo("Annex III 4(a)");
    }

    @Test
    void the_crosswalks_to_iso_42001_and_the_nist_ai_rmf_are_typed_reasoned_and_flagged_for_review() {
        List<CatalogViews.Edge> iso = catalog.edges("EU-AI-ACT-2024-1689_to_ISO-IEC-42001-2023");
        assertThat(iso)
                .extracting(e -> e.source().refId() + " → " + e.target().refId())
                .contains(
                        "Article 9 → 6.1",
                        "Article 12 → A.6.2.8",
                        "Article 14 → A.9.3",
                        "Article 72 → 9.1",
                        "Article 27 → A.5.4");
        assertThat(iso).allSatisfy(e -> {
            assertThat(e.relationship()).isEqualTo(Relationship.INTERSECT);
            assertThat(e.rationale()).isNotBlank();
            assertThat(e.needsReview()).isTrue();
            assertThat(e.mappingSource()).contains("Aegis project");
        });
        List<CatalogViews.Edge> nist = catalog.edges("EU-AI-ACT-2024-1689_to_NIST-AI-RMF-1.0");
        assertThat(nist)
                .extracting(e -> e.source().refId() + " → " + e.target().refId())
                .contains(
                        "Article 9 → MANAGE 1.3",
                        "Article 72 → MEASURE 2.4",
                        "Article 72 → MANAGE 4.1",
                        "Article 14 → MAP 3.5");
        assertThat(nist).allMatch(CatalogViews.Edge::needsReview);
    }

    @Test
    void the_frameworks_licence_names_the_official_journal_as_the_authentic_text() {
        assertThat(catalog.framework("EU-AI-ACT-2024-1689").licence())
                .contains("only the Official Journal text is authentic");
    }

    private RequirementSummary find(String ref) {
        return catalog.find("EU-AI-ACT-2024-1689", ref).orElseThrow(() -> new AssertionError("no " + ref));
    }

    private long count(String kind) {
        return jdbc.queryForObject(
                "select count(*) from framework.requirement r join framework.framework f on f.id = r.framework_id "
                        + "where f.code = 'EU-AI-ACT-2024-1689' and r.kind = ?",
                Long.class,
                kind);
    }
}
