package dev.aegis.finding.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.aegis.finding.Finding;
import dev.aegis.finding.FindingService;
import dev.aegis.inventory.ui.SystemPagePanel;
import dev.aegis.shared.Actors;
import java.util.List;

/** On an AI system's page: its findings (a grid paged by the database), newest breach first; a click opens one. */
@org.springframework.stereotype.Component
class SystemFindingsPanel implements SystemPagePanel {

    private final FindingService findings;

    SystemFindingsPanel(FindingService findings) {
        this.findings = findings;
    }

    @Override
    public int order() {
        return 15;
    }

    /** Those who read findings: a system owner's own systems' findings are the only ones they get anyway. */
    @Override
    public boolean visible(long systemId) {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "SYSTEM_OWNER");
    }

    @Override
    public String tab() {
        return "Findings";
    }

    @Override
    public Component render(long systemId) {
        VerticalLayout panel = new VerticalLayout();
        panel.setId("system-findings");
        panel.setPadding(false);
        Grid<Finding> grid = new Grid<>(Finding.class, false);
        grid.setId("system-findings-grid");
        grid.addColumn(Finding::getTitle)
                .setHeader("Finding")
                .setSortProperty("title")
                .setFlexGrow(3);
        grid.addComponentColumn(f -> FindingLabels.severity(f.getSeverity()))
                .setHeader("Severity")
                .setSortProperty("severity")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(f -> FindingLabels.state(f.getState()))
                .setHeader("State")
                .setSortProperty("state")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Finding::getOccurrences)
                .setHeader("Breaches")
                .setSortProperty("occurrences")
                .setAutoWidth(true);
        grid.addColumn(f -> FindingLabels.when(f.getLastSeen()))
                .setHeader("Last seen")
                .setKey("lastSeen")
                .setSortProperty("lastSeen")
                .setAutoWidth(true);
        FindingService.Filter filter = FindingService.Filter.ofSystem(systemId);
        grid.setItems(q -> findings.search(filter, VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(), q ->
                (int) findings.count(filter));
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("lastSeen"), SortDirection.DESCENDING)));
        grid.addItemClickListener(
                e -> UI.getCurrent().navigate("findings/" + e.getItem().getId()));
        grid.setEmptyStateText(
                "No findings: no telemetry test of its controls has failed and no monitor alert has "
                        + "opened. Link the system to a monitored deployment and give its controls telemetry tests to watch it.");
        grid.setHeight("14rem");
        grid.setWidthFull();
        panel.add(new H3("Findings"), grid, new Anchor("findings?system=" + systemId, "Open in the findings register"));
        return panel;
    }
}
