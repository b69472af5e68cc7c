package dev.aegis.framework.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.router.RouterLink;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.framework.CatalogViews.FrameworkSummary;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class FrameworkBrowserViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void the_browser_offers_the_four_main_frameworks_and_the_nist_tree_has_four_functions_at_its_root() {
        FrameworkBrowserView view = open(Role.SYSTEM_OWNER, "frameworks");

        assertThat(view.framework.getListDataView().getItems().map(FrameworkSummary::code))
                .contains("NIST-AI-RMF-1.0", "ISO-IEC-42001-2023", "OWASP-LLM-TOP10-2025", "MITRE-ATLAS");
        assertThat(view.framework.getValue().code()).isEqualTo("NIST-AI-RMF-1.0");
        assertThat(view.framework.getValue().requirements()).isEqualTo(4 + 19 + 72);
        var tree = ((TreeDataProvider<RequirementSummary>) view.tree.getDataProvider()).getTreeData();
        assertThat(tree.getRootItems())
                .extracting(RequirementSummary::refId)
                .containsExactly("GOVERN", "MAP", "MEASURE", "MANAGE");
        assertThat(view.detail.getElement().getTextRecursively()).contains("Pick a requirement in the tree");
    }

    @Test
    void searching_prompt_injection_finds_the_owasp_risk_first_and_the_atlas_technique_across_all_frameworks() {
        FrameworkBrowserView view = open(Role.AUDITOR, "frameworks");

        // no tick needed: the search covers every framework unless narrowed to the picked one
        Karibu.setValue(view.search, "prompt injection");
        List<RequirementSummary> found = _findAll(view.results);

        assertThat(view.results.isVisible()).isTrue();
        assertThat(view.tree.isVisible()).isFalse();
        assertThat(found).extracting(RequirementSummary::refId).contains("LLM01:2025", "AML.T0051");
        assertThat(found.getFirst().refId()).isEqualTo("LLM01:2025");

        Karibu.setValue(view.onlyThisFramework, true);
        assertThat(_findAll(view.results))
                .as("the picked framework is NIST AI RMF")
                .allMatch(r -> r.frameworkCode().equals("NIST-AI-RMF-1.0"));
        Karibu.setValue(view.onlyThisFramework, false);
        assertThat(view.resultCount.getText()).endsWith("matches");
        // speed is measured in docs/benchmarks.md (.ci/bench-search.sh), not in a timed test

        Karibu.setValue(view.search, "GOVERN 1.1");
        assertThat(_findAll(view.results).getFirst().refId())
                .as("exact reference ids come first")
                .isEqualTo("GOVERN 1.1");

        Karibu.setValue(view.search, "no-such-words-anywhere");
        assertThat(_findAll(view.results)).isEmpty();
        assertThat(view.results.getEmptyStateText())
                .contains("no-such-words-anywhere")
                .contains("reference id");
    }

    @Test
    void the_detail_of_govern_1_1_lists_its_iso_42001_mappings() {
        long govern11 = id("NIST-AI-RMF-1.0", "GOVERN 1.1");
        FrameworkBrowserView view = open(Role.VENDOR_MANAGER, "frameworks/NIST-AI-RMF-1.0?req=" + govern11);

        assertThat(view.detail.shown().requirement().refId()).isEqualTo("GOVERN 1.1");
        assertThat(view.tree.asSingleSelect().getValue().id()).isEqualTo(govern11);
        UnorderedList iso = _get(UnorderedList.class, spec -> spec.withId("mappings-ISO-IEC-42001-2023"));
        assertThat(_find(iso, RouterLink.class))
                .extracting(RouterLink::getText)
                .containsExactlyInAnyOrder("4.1", "6.2", "A.2.2", "A.2.4");
        assertThat(_find(iso, RouterLink.class).getFirst().getHref()).startsWith("frameworks/ISO-IEC-42001-2023?req=");
        assertThat(_get(Div.class, spec -> spec.withId("detail-registers"))
                        .getElement()
                        .getTextRecursively())
                .contains("once those registers exist");
    }

    @Test
    void a_mapped_requirement_opens_in_the_browser_of_its_framework() {
        FrameworkBrowserView view =
                open(Role.VENDOR_MANAGER, "frameworks/NIST-AI-RMF-1.0?req=" + id("NIST-AI-RMF-1.0", "GOVERN 1.1"));
        UnorderedList iso = _get(UnorderedList.class, spec -> spec.withId("mappings-ISO-IEC-42001-2023"));
        RouterLink a22 = _find(iso, RouterLink.class).stream()
                .filter(l -> l.getText().equals("A.2.2"))
                .findFirst()
                .orElseThrow();

        com.github.mvysny.kaributesting.v10.RouterLinkKt._click(a22);

        view = _get(FrameworkBrowserView.class);
        assertThat(view.framework.getValue().code()).isEqualTo("ISO-IEC-42001-2023");
        assertThat(view.detail.shown().requirement().refId()).isEqualTo("A.2.2");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("mappings-NIST-AI-RMF-1.0"))
                        .getElement()
                        .getTextRecursively())
                .contains("GOVERN 1.1")
                .contains("MAP 1.4")
                .contains("needs review");
    }

    @Test
    void the_detail_of_an_atlas_technique_lists_the_mitigations_that_address_it() {
        open(Role.AUDITOR, "frameworks/MITRE-ATLAS?req=" + id("MITRE-ATLAS", "AML.T0051"));

        UnorderedList mitigations = _get(UnorderedList.class, spec -> spec.withId("links-ADDRESSES-in"));
        assertThat(_find(mitigations, RouterLink.class))
                .extracting(RouterLink::getText)
                .contains("AML.M0019", "AML.M0020", "AML.M0021", "AML.M0022", "AML.M0024", "AML.M0033");
        assertThat(mitigations.getElement().getTextRecursively())
                .contains("Guardrails can prevent harmful inputs that can lead to prompt injection.");
        assertThat(_find(H4.class))
                .extracting(H4::getText)
                .contains("Mitigations that address it", "Tactics it serves");
    }

    @Test
    void an_officer_pastes_licensed_text_for_iso_a_2_2_and_an_auditor_sees_it_without_an_editor() {
        String location = "frameworks/ISO-IEC-42001-2023?req=" + id("ISO-IEC-42001-2023", "A.2.2");
        String text = "Our licensed wording of A.2.2 " + System.nanoTime();
        FrameworkBrowserView view = open(Role.GOVERNANCE_OFFICER, location);
        _assertOne(Paragraph.class, spec -> spec.withId("copyright-notice"));

        Karibu.setValue(view.detail.licensedEditor, text);
        _click(view.detail.saveLicensed);

        assertThat(_get(Div.class, spec -> spec.withId("licensed-text"))
                        .getElement()
                        .getTextRecursively())
                .isEqualTo(text);
        Karibu.close();

        open(Role.AUDITOR, location);
        assertThat(_get(Div.class, spec -> spec.withId("licensed-text"))
                        .getElement()
                        .getTextRecursively())
                .isEqualTo(text);
        _assertOne(Paragraph.class, spec -> spec.withId("copyright-notice"));
        _assertNone(TextArea.class);
        _assertNone(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("save-licensed-text"));
    }

    @Test
    void nist_text_is_shown_in_full_and_offers_no_licensed_text_editor() {
        open(Role.GOVERNANCE_OFFICER, "frameworks/NIST-AI-RMF-1.0?req=" + id("NIST-AI-RMF-1.0", "GOVERN 1.1"));

        assertThat(_get(Div.class, spec -> spec.withId("detail-text"))
                        .getElement()
                        .getTextRecursively())
                .contains("Legal and regulatory requirements involving AI are understood, managed, and documented.");
        _assertNone(Paragraph.class, spec -> spec.withId("copyright-notice"));
        _assertNone(TextArea.class);
    }

    private FrameworkBrowserView open(Role role, String location) {
        Karibu.signInAndOpen(context, accounts.create("reader", role));
        Karibu.navigate(location);
        return _get(FrameworkBrowserView.class);
    }

    private long id(String framework, String ref) {
        return jdbc.queryForObject(
                "select r.id from framework.requirement r join framework.framework f "
                        + "on f.id = r.framework_id where f.code = ? and r.ref_id = ?",
                Long.class,
                framework,
                ref);
    }
}
