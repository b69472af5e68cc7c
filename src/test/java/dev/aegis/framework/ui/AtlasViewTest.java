package dev.aegis.framework.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.RouterLinkKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.List;
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
        open();

        List<String> columns = _find(Div.class, spec -> spec.withClasses("aegis-atlas-column")).stream()
                .map(c -> c.getId().orElseThrow())
                .toList();
        assertThat(columns).hasSize(16);
        assertThat(columns.getFirst()).isEqualTo("tactic-AML.TA0002"); // Reconnaissance
        assertThat(columns.getLast()).isEqualTo("tactic-AML.TA0011"); // Impact
    }

    @Test
    void each_technique_card_shows_the_mitigations_that_address_it_or_its_sub_techniques() {
        AtlasView view = open();

        AtlasView.ShownCard injection = card(view, "AML.T0051");
        assertThat(injection.card().mitigations())
                .extracting(m -> m.refId())
                .contains("AML.M0019", "AML.M0020", "AML.M0021", "AML.M0022", "AML.M0024", "AML.M0033");
        assertThat(injection.card().subTechniques()).isNotEmpty();
        assertThat(injection.link().getElement().getTextRecursively())
                .contains("LLM Prompt Injection")
                .contains("M0019")
                .contains("sub-technique");
        Component column = _get(Div.class, spec -> spec.withId("tactic-AML.TA0005")); // Execution
        assertThat(column.getElement().getTextRecursively()).contains("AML.T0051");
    }

    @Test
    void the_filter_highlights_the_techniques_that_match() {
        AtlasView view = open();

        Karibu.setValue(view.filter, "prompt injection");

        assertThat(card(view, "AML.T0051").link().hasClassName("aegis-atlas-hit"))
                .isTrue();
        assertThat(view.cards)
                .filteredOn(c -> c.link().hasClassName("aegis-atlas-dim"))
                .isNotEmpty();
        assertThat(view.matchCount.getText()).matches("\\d+ techniques? match(es)?");

        Karibu.setValue(view.filter, "");
        assertThat(view.cards).noneMatch(c -> c.link().hasClassName("aegis-atlas-dim"));
    }

    @Test
    void a_card_opens_its_technique_in_the_framework_browser() {
        AtlasView view = open();

        RouterLinkKt._click(card(view, "AML.T0051").link());

        FrameworkBrowserView browser = _get(FrameworkBrowserView.class);
        assertThat(browser.detail.shown().requirement().refId()).isEqualTo("AML.T0051");
        assertThat(browser.framework.getValue().code()).isEqualTo("MITRE-ATLAS");
    }

    private AtlasView open() {
        Karibu.signInAndOpen(context, accounts.create("reader", Role.SYSTEM_OWNER));
        UI.getCurrent().navigate(AtlasView.class);
        return _get(AtlasView.class);
    }

    private static AtlasView.ShownCard card(AtlasView view, String ref) {
        return view.cards.stream()
                .filter(c -> c.card().technique().refId().equals(ref))
                .findFirst()
                .orElseThrow();
    }
}
