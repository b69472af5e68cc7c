package dev.aegis.control.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.control.Control;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.control.CoverageService;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;

@AegisTest
class ControlViewsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ControlService controls;

    @Autowired
    CoverageService coverage;

    @Autowired
    AiSystemService systems;

    @Autowired
    FrameworkCatalog catalog;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void an_officer_creates_a_control_with_a_mapping_and_sees_it_in_the_grid() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        Karibu.signInAndOpen(context, officer);
        UI.getCurrent().navigate(ControlsView.class);
        ControlsView view = _get(ControlsView.class);
        view.openNew(null, null);
        view.save.click();
        assertThat(view.form.title.isInvalid()).isTrue();
        assertThat(view.dialog.isOpened()).isTrue();

        String title = "Rate limit the endpoint " + System.nanoTime();
        Karibu.setValue(view.form.title, title);
        view.form.addRequirement(
                catalog.find("OWASP-LLM-TOP10-2025", "LLM10:2025").orElseThrow(), MappingStrength.PARTIAL);
        var iso = catalog.find("ISO-IEC-42001-2023", "A.6.2.4").orElseThrow();
        view.form.addRequirement(iso, MappingStrength.FULL);
        assertThat(_getFormattedRow(view.form.mappings, 1))
                .as("the mapped requirements name their framework in words, not by its code")
                .contains("ISO/IEC 42001:2023")
                .doesNotContain("ISO-IEC-42001-2023");
        assertThat(_getFormattedRow(view.form.mappings, 0)).contains("OWASP Top 10 for LLM 2025");
        assertThat(view.form.requirementPicker.getItemLabelGenerator().apply(iso))
                .startsWith("ISO/IEC 42001:2023 · A.6.2.4");
        Karibu.setValue(view.form.status, ImplementationStatus.NOT_APPLICABLE);
        view.save.click();
        assertThat(view.form.notApplicableReason.isInvalid()).isTrue();
        Karibu.setValue(view.form.status, ImplementationStatus.IMPLEMENTED);
        view.save.click();
        assertThat(view.dialog.isOpened()).isFalse();
        Karibu.setValue(view.text, title);
        assertThat(_size(view.grid)).isEqualTo(1);
        Control saved = controls.search(
                        new ControlService.Filter(title, null, null, null, null, null), PageRequest.of(0, 1))
                .getContent()
                .getFirst();
        assertThat(saved.details().requirements()).containsValue(MappingStrength.PARTIAL);
    }

    @Test
    void an_auditor_sees_the_library_and_the_starter_library_but_no_buttons_that_change_them() {
        Karibu.signInAndOpen(context, accounts.create("auditor", Role.AUDITOR));
        UI.getCurrent().navigate(ControlsView.class);
        ControlsView view = _get(ControlsView.class);
        assertThat(view.create.isVisible()).isFalse();
        view.openStarter();
        assertThat(_size(view.starterGrid)).isGreaterThanOrEqualTo(40);
        assertThat(view.adoptSelected.isVisible()).isFalse();
    }

    @Test
    void the_coverage_screen_shows_gaps_the_matrix_drill_down_and_threats_of_a_system() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = systems.register(AiSystemFixtures.diagnosisAssistant("Matrix " + System.nanoTime(), "owner"));
        long requirement =
                catalog.find("ISO-IEC-42001-2023", "A.6.2.6").orElseThrow().id();
        Karibu.signInAndOpen(context, officer);
        UI.getCurrent().navigate(CoverageView.class);
        CoverageView view = _get(CoverageView.class);
        Karibu.setValue(view.system, system);
        assertThat(view.summary.getText()).contains("in this system's scope");
        view.tabs.setSelectedTab(view.gapsTab);
        var gap = coverage.gaps("ISO-IEC-42001-2023", system.getId()).stream()
                .filter(g -> g.requirement().id() == requirement)
                .findFirst()
                .orElseThrow();
        Control control = controls.create(new dev.aegis.control.ControlDetails(
                "Linked " + System.nanoTime(),
                null,
                dev.aegis.control.ControlVocabulary.ControlType.DETECTIVE,
                null,
                ImplementationStatus.IMPLEMENTED,
                null,
                dev.aegis.control.ControlVocabulary.TestFrequency.MONTHLY,
                null,
                null,
                null,
                null));
        view.openLink(gap);
        Karibu.setValue(view.linkControl, control);
        view.link.click();
        assertThat(coverage.framework("ISO-IEC-42001-2023", system.getId()).requirements().stream()
                        .filter(r -> r.requirement().id() == requirement)
                        .findFirst()
                        .orElseThrow()
                        .level())
                .isEqualTo(dev.aegis.control.ControlVocabulary.CoverageLevel.COVERED);

        view.tabs.setSelectedTab(view.matrixTab);
        assertThat(view.matrix.getColumns().size()).isGreaterThan(1);
        view.openCell(catalog.requirements(List.of(requirement)).getFirst(), system.getId());
        assertThat(view.cellDialog.isOpened()).isTrue();
        view.tabs.setSelectedTab(view.threatsTab);
        assertThat(_size(view.owaspGrid)).isPositive();
    }

    @Test
    void the_statement_of_applicability_lists_every_annex_a_control() {
        Karibu.signInAndOpen(context, accounts.create("officer", Role.GOVERNANCE_OFFICER));
        UI.getCurrent().navigate(SoaView.class);
        SoaView view = _get(SoaView.class);
        assertThat(_size(view.grid)).isGreaterThanOrEqualTo(38);
        assertThat(view.issue.isVisible()).isTrue();
        UI.getCurrent().navigate(dev.aegis.shared.ui.DashboardView.class);
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("control-card"))
                        .getElement()
                        .getTextRecursively())
                .contains("implemented");
    }

    @Test
    void a_framework_on_the_dashboards_control_card_opens_coverage_on_that_framework() {
        Karibu.signInAndOpen(context, accounts.create("officer", Role.GOVERNANCE_OFFICER));
        UI.getCurrent().navigate(dev.aegis.shared.ui.DashboardView.class);
        var card = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("control-card"));
        String href = _find(card, com.vaadin.flow.component.html.Anchor.class).stream()
                .filter(a -> a.getText().equals("NIST AI RMF 1.0"))
                .findFirst()
                .orElseThrow()
                .getHref();
        assertThat(href).isEqualTo("coverage?framework=NIST-AI-RMF-1.0");

        String[] pathAndQuery = href.split("\\?", 2);
        UI.getCurrent().navigate(pathAndQuery[0], com.vaadin.flow.router.QueryParameters.fromString(pathAndQuery[1]));
        assertThat(_get(CoverageView.class).framework.getValue().code()).isEqualTo("NIST-AI-RMF-1.0");
    }
}
