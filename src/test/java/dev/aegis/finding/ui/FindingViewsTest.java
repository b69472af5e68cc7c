package dev.aegis.finding.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.finding.Finding;
import dev.aegis.finding.FindingService;
import dev.aegis.finding.FindingVocabulary.State;
import dev.aegis.finding.TelemetryFixtures;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.ui.DashboardView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class FindingViewsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TelemetryFixtures telemetry;

    @Autowired
    FindingService findings;

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void the_register_filters_from_the_address_and_a_finding_is_resolved_on_its_page_field_by_field() {
        var g = telemetry.breached("Screen", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Karibu.signInAndOpen(context, g.owner());

        Karibu.navigate("findings?state=OPEN&system=" + g.systemId());
        FindingsView register = _get(FindingsView.class);
        assertThat(register.state.getValue()).isEqualTo(State.OPEN);
        assertThat(register.system.getValue().id()).isEqualTo(g.systemId());
        assertThat(_findAll(register.grid)).extracting(Finding::getId).containsExactly(g.findingId());

        Karibu.navigate("findings/" + g.findingId());
        FindingView page = _get(FindingView.class);
        assertThat(page.chart.getInnerHtml()).contains("<svg").contains("threshold");
        assertThat(page.investigate.isVisible()).isTrue();
        assertThat(page.accept.isVisible()).isFalse(); // only officers accept
        page.resolve.click();
        page.dialog.confirm.click();
        assertThat(page.dialog.fields.get("rootCause").isInvalid()).isTrue();
        assertThat(page.dialog.isOpened()).isTrue();
        Karibu.setValue(page.dialog.fields.get("rootCause"), "x".repeat(4001));
        Karibu.setValue(page.dialog.fields.get("actionTaken"), "Retrained on the new mix");
        assertThat(page.dialog.fields.get("rootCause").getHelperText()).isEqualTo("4,001 / 4,000 characters");
        page.dialog.confirm.click(); // too long: refused at the field, with the count
        assertThat(page.dialog.fields.get("rootCause").isInvalid()).isTrue();
        assertThat(page.dialog.fields.get("rootCause").getI18n().getMaxLengthErrorMessage())
                .isEqualTo("At most 4,000 characters fit here. You entered 4,001: shorten it.");
        assertThat(findings.get(g.findingId()).getState()).isEqualTo(State.OPEN);
        assertThat(page.dialog.isOpened()).isTrue();
        Karibu.setValue(page.dialog.fields.get("rootCause"), "A new clinic sent younger patients");
        Karibu.setValue(page.dialog.fields.get("actionTaken"), "Retrained on the new mix");
        page.dialog.confirm.click();
        assertThat(page.finding.getState()).isEqualTo(State.RESOLVED);
        assertThat(page.reopen.isVisible()).isTrue();
    }

    @Test
    void an_auditor_reads_a_finding_without_workflow_steps_and_has_a_dashboard_of_their_own() {
        var g = telemetry.breached("Audit", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Karibu.signInAndOpen(context, accounts.create("auditor", Role.AUDITOR));

        Karibu.navigate("findings/" + g.findingId());
        FindingView page = _get(FindingView.class);
        assertThat(page.investigate.isVisible()).isFalse();
        assertThat(page.resolve.isVisible()).isFalse();
        assertThat(page.actionsNote.getText()).contains("read this finding");

        // the auditor's dashboard: the audit chain, coverage, evidence freshness and recent packs
        com.vaadin.flow.component.UI.getCurrent().navigate(DashboardView.class);
        for (String card :
                java.util.List.of("audit-chain-card", "control-card", "evidence-card", "recent-packs-card")) {
            assertThat(_find(com.vaadin.flow.component.html.Div.class, s -> s.withId(card)))
                    .as(card)
                    .hasSize(1);
        }
        assertThat(_find(com.vaadin.flow.component.html.Div.class, s -> s.withId("open-findings-card")))
                .isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withId("audit-chain-state"))
                        .getText())
                .isEqualTo("Intact");

        // an officer's shows the findings cards
        com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
        Karibu.signInAndOpen(context, accounts.create("officer", Role.GOVERNANCE_OFFICER));
        com.vaadin.flow.component.UI.getCurrent().navigate(DashboardView.class);
        assertThat(_find(com.vaadin.flow.component.html.Div.class, s -> s.withId("open-findings-card")))
                .hasSize(1);
        assertThat(_find(com.vaadin.flow.component.html.Div.class, s -> s.withId("breach-timeline-card")))
                .hasSize(1);
        assertThat(_find(com.vaadin.flow.component.html.Div.class, s -> s.withId("control-tests-card")))
                .hasSize(1);
        assertThat(_find(com.vaadin.flow.component.html.Div.class, s -> s.withId("audit-chain-card")))
                .isEmpty();
    }

    @Test
    void a_systems_page_shows_its_findings_in_a_tab_built_when_first_chosen() {
        var g = telemetry.breached("Panel", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Karibu.signInAndOpen(context, g.owner());
        Karibu.navigate("systems/" + g.systemId());
        // the page opens with its first tab only: the findings tab's panel is built when the tab is first chosen
        assertThat(_find(com.vaadin.flow.component.grid.Grid.class, s -> s.withId("system-findings-grid")))
                .isEmpty();
        _get(com.vaadin.flow.component.tabs.Tabs.class, s -> s.withId("system-tabs"))
                .setSelectedTab(_get(com.vaadin.flow.component.tabs.Tab.class, s -> s.withId("system-tab-findings")));
        var grid = _get(com.vaadin.flow.component.grid.Grid.class, s -> s.withId("system-findings-grid"));
        @SuppressWarnings("unchecked")
        var rows = _findAll((com.vaadin.flow.component.grid.Grid<Finding>) grid);
        assertThat(rows).extracting(Finding::getId).containsExactly(g.findingId());
        TestAccounts.signIn(g.owner());
        assertThat(findings.get(g.findingId()).getSystemId()).isEqualTo(g.systemId());
    }
}
