package dev.aegis.control.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.control.Control;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlVocabulary;
import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.control.CoverageService;
import dev.aegis.control.CoverageService.Cell;
import dev.aegis.control.CoverageService.FrameworkCoverage;
import dev.aegis.control.CoverageService.RequirementCoverage;
import dev.aegis.control.ThreatCoverageService;
import dev.aegis.control.ThreatCoverageService.Threat;
import dev.aegis.control.ThreatCoverageService.ThreatCoverage;
import dev.aegis.framework.CatalogViews.FrameworkSummary;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.ui.TabStrips;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Coverage and gaps: a framework's requirements covered, partly covered or not, for the organisation or one AI
 * system; the requirements × systems matrix paged by systems; drill-down to the controls and risks behind a cell; the
 * gap list with "create a control" and "link an existing control"; and a system's threat coverage.
 */
@Route("coverage")
@PageTitle("Coverage · Aegis")
@Menu(order = 13, icon = "vaadin:check-square-o", title = "Coverage")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class CoverageView extends VerticalLayout implements BeforeEnterObserver {

    static final int SYSTEMS_PER_PAGE = 6;
    private final transient CoverageService coverage;
    private final transient ThreatCoverageService threats;
    private final transient ControlService controls;
    private final transient AiSystemService systems;
    private final transient FrameworkCatalog catalog;
    final Select<FrameworkSummary> framework = new Select<>();
    final ComboBox<AiSystem> system = new ComboBox<>("AI system");
    final Span summary = new Span();
    final Tab requirementsTab = new Tab("Requirements");
    final Tab gapsTab = new Tab("Gaps");
    final Tab matrixTab = new Tab("Matrix");
    final Tab threatsTab = new Tab("Threats");
    final Tabs tabs = new Tabs(requirementsTab, gapsTab, matrixTab, threatsTab);
    final Grid<RequirementCoverage> requirements = new Grid<>();
    final Grid<RequirementCoverage> gaps = new Grid<>();
    final Grid<RequirementSummary> matrix = new Grid<>();
    final Button previousSystems = new Button("Previous systems");
    final Button nextSystems = new Button("Next systems");
    final Grid<Threat> owaspGrid = new Grid<>();
    final Grid<Threat> atlasGrid = new Grid<>();
    final Dialog cellDialog = new Dialog();
    final Dialog linkDialog = new Dialog();
    final ComboBox<Control> linkControl = new ComboBox<>("Control");
    final Select<MappingStrength> linkStrength = new Select<>();
    final Button link = new Button("Link");
    private final Div content = new Div();
    private int systemPage;
    private RequirementCoverage linking;

    CoverageView(
            CoverageService coverage,
            ThreatCoverageService threats,
            ControlService controls,
            AiSystemService systems,
            FrameworkCatalog catalog) {
        this.coverage = coverage;
        this.threats = threats;
        this.controls = controls;
        this.systems = systems;
        this.catalog = catalog;
        setSizeFull();
        configureFilters();
        configureRequirementGrids();
        configureMatrix();
        configureThreats();
        configureLinkDialog();
        content.setSizeFull();
        tabs.addSelectedChangeListener(e -> show());
        TabStrips.accessible(tabs, "Coverage views");
        add(new H2("Coverage and gaps"), filters(), summary, tabs, content);
        show();
    }

    /** {@code coverage?framework=NIST-AI-RMF-1.0} opens on that framework (the dashboard's per-framework links). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation()
                .getQueryParameters()
                .getSingleParameter("framework")
                .flatMap(code -> catalog.frameworks().stream()
                        .filter(f -> f.code().equals(code))
                        .findFirst())
                .ifPresent(framework::setValue);
    }

    private void configureFilters() {
        framework.setLabel("Framework");
        framework.setId("coverage-framework");
        List<FrameworkSummary> all = catalog.frameworks();
        framework.setItems(all);
        framework.setItemLabelGenerator(FrameworkSummary::shortName);
        all.stream()
                .filter(f -> f.code().equals("ISO-IEC-42001-2023"))
                .findFirst()
                .or(() -> all.stream().findFirst())
                .ifPresent(framework::setValue);
        // wide enough for the longest short name ("NIST AI 600-1 (Generative AI)") at 1280 px
        framework.setWidth("20rem");
        framework.addValueChangeListener(e -> show());
        system.setId("coverage-system");
        system.setPlaceholder("The organisation");
        system.setClearButtonVisible(true);
        system.setItemLabelGenerator(AiSystem::getName);
        system.setItems(q -> systems
                .search(
                        new AiSystemService.Filter(q.getFilter().orElse(""), null, null, null, null),
                        PageRequest.of(q.getPage(), q.getPageSize(), Sort.by("name")))
                .stream());
        system.setWidth("22rem");
        system.addValueChangeListener(e -> show());
        summary.setId("coverage-summary");
    }

    private Component filters() {
        HorizontalLayout bar = new HorizontalLayout(framework, system);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        bar.setWrap(true);
        return bar;
    }

    /** The management-system records meeting a requirement, else the crosswalk its coverage came through. */
    static String how(RequirementCoverage c) {
        if (!c.records().isEmpty()) {
            return c.recordsSentence();
        }
        return c.via() == null ? "" : c.via().describe();
    }

    private void configureRequirementGrids() {
        for (Grid<RequirementCoverage> g : List.of(requirements, gaps)) {
            // long titles and crosswalk names wrap instead of ending in "…"
            g.getElement().getThemeList().add("wrap-cell-content");
            g.addColumn(c -> c.requirement().refId())
                    .setHeader("Ref")
                    .setWidth("9rem")
                    .setFlexGrow(0);
            g.addColumn(c -> c.requirement().title())
                    .setHeader("Requirement")
                    .setWidth("16rem")
                    .setFlexGrow(4)
                    .setTooltipGenerator(c -> c.requirement().title());
            g.addComponentColumn(CoverageBadges::of).setHeader("Coverage").setAutoWidth(true);
            g.addColumn(CoverageView::how)
                    .setHeader("Met through")
                    .setWidth("10rem")
                    .setFlexGrow(2)
                    .setTooltipGenerator(CoverageView::how);
            g.addColumn(RequirementCoverage::controls)
                    .setHeader("Controls")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            g.setSizeFull();
        }
        requirements.setId("coverage-requirements");
        requirements
                .addColumn(c ->
                        c.systemsCovered() == null ? "" : c.systemsCovered().toString())
                .setHeader("Systems covered")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("systems");
        requirements.addItemClickListener(e -> openCell(e.getItem().requirement(), selectedSystemId()));
        requirements.setEmptyStateText("No requirement of this framework is in this system's scope.");
        gaps.setId("coverage-gaps");
        gaps.addComponentColumn(this::gapActions).setHeader("Close the gap").setAutoWidth(true);
        gaps.addItemClickListener(e -> openCell(e.getItem().requirement(), selectedSystemId()));
        gaps.setEmptyStateText("No gaps: every requirement here is covered.");
    }

    private Component gapActions(RequirementCoverage gap) {
        Button create = new Button(
                "Create a control",
                e -> getUI().ifPresent(ui -> ui.navigate(
                        "controls",
                        com.vaadin.flow.router.QueryParameters.simple(
                                selectedSystemId() == null
                                        ? Map.of(
                                                "new",
                                                String.valueOf(gap.requirement().id()))
                                        : Map.of(
                                                "new",
                                                String.valueOf(gap.requirement().id()),
                                                "system",
                                                String.valueOf(selectedSystemId()))))));
        Button linkExisting = new Button("Link an existing control", e -> openLink(gap));
        for (Button b : List.of(create, linkExisting)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.setVisible(controls.mayEdit());
        }
        return new HorizontalLayout(create, linkExisting);
    }

    private void configureMatrix() {
        matrix.setId("coverage-matrix");
        previousSystems.addClickListener(e -> {
            systemPage = Math.max(0, systemPage - 1);
            showMatrix();
        });
        nextSystems.addClickListener(e -> {
            systemPage++;
            showMatrix();
        });
        matrix.setSizeFull();
    }

    private void configureThreats() {
        for (Grid<Threat> g : List.of(owaspGrid, atlasGrid)) {
            g.addColumn(t -> t.threat().refId())
                    .setHeader("Id")
                    .setWidth("9rem")
                    .setFlexGrow(0);
            g.addColumn(t -> t.threat().title())
                    .setHeader("Threat")
                    .setFlexGrow(2)
                    .setTooltipGenerator(t -> t.threat().title());
            g.addComponentColumn(t -> CoverageBadges.threat(t.status()))
                    .setHeader("Status")
                    .setAutoWidth(true);
            g.addColumn(t -> t.mitigations().stream()
                            .map(RequirementSummary::refId)
                            .collect(Collectors.joining(", ")))
                    .setHeader("ATLAS mitigations")
                    .setFlexGrow(2);
            g.addColumn(t -> t.carriers().stream()
                            .map(c -> c.title() + " (" + ControlVocabulary.label(c.status()) + ")")
                            .distinct()
                            .collect(Collectors.joining("; ")))
                    .setHeader("Our controls")
                    .setFlexGrow(2);
            g.addColumn(t -> String.join("; ", t.reasons()))
                    .setHeader("Applies because")
                    .setFlexGrow(2)
                    .setTooltipGenerator(t -> String.join("; ", t.reasons()));
            g.setAllRowsVisible(true);
        }
        owaspGrid.setId("threats-owasp");
        atlasGrid.setId("threats-atlas");
        owaspGrid.setEmptyStateText("No OWASP LLM entry is in this system's scope (they apply to generative systems).");
        atlasGrid.setEmptyStateText("No ATLAS technique applies.");
    }

    private void configureLinkDialog() {
        linkDialog.setHeaderTitle("Link an existing control");
        linkControl.setId("link-control");
        linkControl.setItemLabelGenerator(Control::getTitle);
        linkControl.setItems(q -> controls
                .search(
                        new ControlService.Filter(q.getFilter().orElse(""), null, null, null, null, null),
                        PageRequest.of(q.getPage(), q.getPageSize(), Sort.by("title")))
                .stream());
        linkControl.setWidth("28rem");
        linkStrength.setLabel("Meets it");
        linkStrength.setItems(MappingStrength.values());
        linkStrength.setItemLabelGenerator(ControlVocabulary::label);
        linkStrength.setValue(MappingStrength.FULL);
        link.setId("link-save");
        link.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        link.addClickListener(e -> linkControl());
        linkDialog.add(new VerticalLayout(linkControl, linkStrength));
        linkDialog.getFooter().add(new Button("Cancel", e -> linkDialog.close()), link);
    }

    void openLink(RequirementCoverage gap) {
        linking = gap;
        linkControl.clear();
        linkControl.setInvalid(false);
        linkDialog.setHeaderTitle("Link a control to " + gap.requirement().refId());
        linkDialog.open();
    }

    void linkControl() {
        Control c = linkControl.getValue();
        if (c == null) {
            linkControl.setErrorMessage("Choose the control that meets this requirement.");
            linkControl.setInvalid(true);
            return;
        }
        controls.map(c.getId(), linking.requirement().id(), linkStrength.getValue());
        if (selectedSystemId() != null) {
            controls.apply(c.getId(), List.of(selectedSystemId()), null);
        }
        linkDialog.close();
        Notification.show(
                        "Linked “" + c.getTitle() + "” to "
                                + linking.requirement().refId() + ".",
                        3000,
                        Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        show();
    }

    void show() {
        content.removeAll();
        FrameworkSummary f = framework.getValue();
        if (f == null) {
            content.add(new Paragraph("No framework is installed: import one under Frameworks first."));
            return;
        }
        Long systemId = selectedSystemId();
        threatsTab.setEnabled(systemId != null);
        if (tabs.getSelectedTab() == matrixTab) {
            summary.setText("");
            showMatrix();
            return;
        }
        if (tabs.getSelectedTab() == threatsTab) {
            showThreats(systemId);
            return;
        }
        FrameworkCoverage c = coverage.framework(f.code(), systemId);
        summary.setText(c.count(CoverageLevel.COVERED) + " covered, " + c.count(CoverageLevel.PARTIAL)
                + " partly covered, " + c.count(CoverageLevel.NOT_COVERED) + " not covered of "
                + c.requirements().size()
                + " requirements (" + c.percent() + " %)"
                + (systemId == null ? " — organisation" : " — in this system's scope")
                + ". ⇄ marks coverage carried through a crosswalk.");
        requirements.getColumnByKey("systems").setVisible(systemId == null);
        if (tabs.getSelectedTab() == gapsTab) {
            gaps.setItems(c.requirements().stream()
                    .filter(r -> r.level() != CoverageLevel.COVERED)
                    .sorted((a, b) -> a.level().compareTo(b.level()))
                    .toList());
            content.add(gaps);
        } else {
            requirements.setItems(c.requirements());
            content.add(requirements);
        }
    }

    private void showMatrix() {
        content.removeAll();
        FrameworkSummary f = framework.getValue();
        var page = systems.search(
                AiSystemService.Filter.none(), PageRequest.of(systemPage, SYSTEMS_PER_PAGE, Sort.by("name")));
        List<AiSystem> shown = page.getContent();
        previousSystems.setEnabled(systemPage > 0);
        nextSystems.setEnabled(page.hasNext());
        matrix.removeAllColumns();
        if (shown.isEmpty()) {
            content.add(new Paragraph("No AI systems in the inventory yet: register one under AI systems."));
            return;
        }
        Map<Long, Map<Long, RequirementCoverage>> cells =
                coverage.matrix(f.code(), shown.stream().map(AiSystem::getId).toList());
        List<RequirementSummary> rows = catalog.tree(f.code(), false).stream()
                .filter(r -> cells.values().stream().anyMatch(m -> m.containsKey(r.id())))
                .toList();
        matrix.addColumn(RequirementSummary::refId)
                .setHeader("Requirement")
                .setWidth("9rem")
                .setFlexGrow(0)
                .setFrozen(true);
        for (AiSystem s : shown) {
            matrix.addComponentColumn(r -> {
                        RequirementCoverage c = cells.get(s.getId()).get(r.id());
                        if (c == null) {
                            Span out = new Span("–");
                            out.setTitle("Not in this system's scope");
                            return out;
                        }
                        Span badge = CoverageBadges.of(c);
                        badge.getElement().addEventListener("click", e -> openCell(r, s.getId()));
                        badge.getStyle().set("cursor", "pointer");
                        return badge;
                    })
                    .setHeader(s.getName())
                    .setAutoWidth(true);
        }
        matrix.setItems(rows);
        matrix.setEmptyStateText("None of this framework's requirements is in the scope of these systems.");
        HorizontalLayout paging = new HorizontalLayout(
                previousSystems,
                new Span("Systems " + (systemPage * SYSTEMS_PER_PAGE + 1) + "–"
                        + (systemPage * SYSTEMS_PER_PAGE + shown.size()) + " of " + page.getTotalElements()),
                nextSystems);
        paging.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        VerticalLayout box = new VerticalLayout(paging, matrix);
        box.setPadding(false);
        box.setSizeFull();
        content.add(box);
    }

    private void showThreats(Long systemId) {
        if (systemId == null) {
            summary.setText("Choose an AI system to see its threat coverage.");
            return;
        }
        ThreatCoverage t = threats.of(systemId);
        summary.setText(t.count(ThreatCoverageService.ThreatStatus.MITIGATED) + " mitigated, "
                + t.count(ThreatCoverageService.ThreatStatus.IN_PROGRESS) + " in progress, "
                + t.count(ThreatCoverageService.ThreatStatus.UNMITIGATED) + " unmitigated.");
        owaspGrid.setItems(t.owasp());
        atlasGrid.setItems(t.atlas());
        VerticalLayout box = new VerticalLayout(
                new H4("OWASP Top 10 for LLM applications"), owaspGrid, new H4("MITRE ATLAS techniques"), atlasGrid);
        box.setPadding(false);
        content.add(box);
    }

    void openCell(RequirementSummary requirement, Long systemId) {
        Cell cell = coverage.cell(requirement.id(), systemId);
        cellDialog.removeAll();
        cellDialog.getFooter().removeAll();
        cellDialog.setHeaderTitle(catalog.frameworks().stream()
                        .filter(f -> f.code().equals(requirement.frameworkCode()))
                        .map(FrameworkSummary::shortName)
                        .findFirst()
                        .orElse(requirement.frameworkCode())
                + " " + requirement.label());
        cellDialog.setWidth("min(56rem, 96vw)");
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        body.add(new HorizontalLayout(
                CoverageBadges.of(cell.coverage()),
                new Span(
                        cell.coverage().via() == null
                                ? (systemId == null ? "Organisation" : "On this system")
                                : cell.coverage().via().describe())));
        Grid<CoverageService.ControlBehind> behind = new Grid<>();
        behind.setId("cell-controls");
        behind.addColumn(CoverageService.ControlBehind::title)
                .setHeader("Control")
                .setFlexGrow(2)
                .setTooltipGenerator(CoverageService.ControlBehind::title);
        behind.addColumn(b -> ControlVocabulary.label(b.status()))
                .setHeader("Status")
                .setAutoWidth(true);
        behind.addColumn(b -> ControlVocabulary.label(b.strength()))
                .setHeader("Meets")
                .setAutoWidth(true);
        behind.addColumn(b -> b.through() == null
                        ? "Directly"
                        : "Through " + b.crosswalk() + " from " + b.through().refId() + " ("
                                + b.relationship().name().toLowerCase() + ")")
                .setHeader("How")
                .setFlexGrow(2);
        behind.setItems(cell.controls());
        behind.setAllRowsVisible(true);
        behind.setEmptyStateText("No control meets this requirement yet.");
        Grid<CoverageService.RiskRef> riskGrid = new Grid<>();
        riskGrid.setId("cell-risks");
        riskGrid.addColumn(CoverageService.RiskRef::title)
                .setHeader("Risk")
                .setFlexGrow(2)
                .setTooltipGenerator(CoverageService.RiskRef::title);
        riskGrid.addColumn(CoverageService.RiskRef::inherentScore)
                .setHeader("Inherent score")
                .setAutoWidth(true);
        riskGrid.setItems(cell.risks());
        riskGrid.setAllRowsVisible(true);
        riskGrid.setEmptyStateText("No risk bears on this requirement.");
        body.add(new H4("Controls"), behind, new H4("Risks"), riskGrid);
        cellDialog.add(body);
        cellDialog.getFooter().add(new Button("Close", e -> cellDialog.close()));
        cellDialog.open();
    }

    private Long selectedSystemId() {
        return system.getValue() == null ? null : system.getValue().getId();
    }
}
