package dev.aegis.framework.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class AtlasViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void the_atlas_view_has_sixteen_tactic_columns_in_matrix_order() {
        AtlasView view = open();

        List<String> columns = matrix(view).select("section.aegis-atlas-column").stream()
                .map(c -> c.id())
                .toList();
        assertThat(columns).hasSize(16);
        assertThat(columns.getFirst()).isEqualTo("tactic-AML.TA0002"); // Reconnaissance
        assertThat(columns.getLast()).isEqualTo("tactic-AML.TA0011"); // Impact
    }

    @Test
    void each_technique_card_shows_the_mitigations_that_address_it_or_its_sub_techniques() {
        AtlasView view = open();

        AtlasMatrix.Card injection = card(view, "AML.T0051");
        assertThat(injection.mitigations())
                .extracting(m -> m.refId())
                .contains("AML.M0019", "AML.M0020", "AML.M0021", "AML.M0022", "AML.M0024", "AML.M0033");
        assertThat(injection.subTechniques()).isNotEmpty();
        Element link =
                matrix(view).selectFirst("a[data-id=" + injection.technique().id() + "]");
        assertThat(link).isNotNull();
        assertThat(link.text())
                .contains("LLM Prompt Injection")
                .contains("M0019")
                .contains("sub-technique");
        assertThat(matrix(view).getElementById("tactic-AML.TA0005").text()) // Execution
                .contains("AML.T0051");
    }

    @Test
    void the_filter_highlights_the_techniques_that_match() {
        AtlasView view = open();

        Karibu.setValue(view.filter, "prompt injection");

        long injection = card(view, "AML.T0051").technique().id();
        assertThat(view.highlighted).contains(injection).hasSizeLessThan(view.cards.size());
        assertThat(view.matchCount.getText()).matches("\\d+ techniques? match(es)?");

        Karibu.setValue(view.filter, "");
        assertThat(view.highlighted).isEmpty();
        assertThat(view.matchCount.getText()).isEmpty();
    }

    @Test
    void a_card_opens_its_technique_in_the_framework_browser() {
        AtlasView view = open();
        Element link = matrix(view)
                .selectFirst("a[data-id=" + card(view, "AML.T0051").technique().id() + "]");
        assertThat(link.hasAttr("router-link")).as("the router follows it").isTrue();

        Karibu.navigate(link.attr("href"));

        FrameworkBrowserView browser = _get(FrameworkBrowserView.class);
        assertThat(browser.detail.shown().requirement().refId()).isEqualTo("AML.T0051");
        assertThat(browser.framework.getValue().code()).isEqualTo("MITRE-ATLAS");
    }

    @Test
    void the_matrix_escapes_catalog_text() {
        AtlasView view = open();

        assertThat(view.matrixHtml()).doesNotContain("<script").doesNotContain("javascript:");
    }

    private AtlasView open() {
        Karibu.signInAndOpen(context, accounts.create("reader", Role.SYSTEM_OWNER));
        UI.getCurrent().navigate(AtlasView.class);
        return _get(AtlasView.class);
    }

    private static AtlasMatrix.Card card(AtlasView view, String ref) {
        return view.cards.stream()
                .filter(c -> c.technique().refId().equals(ref))
                .findFirst()
                .orElseThrow();
    }

    private static Document matrix(AtlasView view) {
        return Jsoup.parseBodyFragment(view.matrixHtml());
    }
}
