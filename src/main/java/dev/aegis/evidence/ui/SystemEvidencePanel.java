package dev.aegis.evidence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.aegis.evidence.EvidenceItem;
import dev.aegis.evidence.EvidenceService;
import dev.aegis.evidence.EvidenceService.Filter;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.ui.SystemPagePanel;
import dev.aegis.shared.Actors;
import java.util.Map;

/** On an AI system's page: the evidence linked to the system, paged by the database, and a way to add more. */
@org.springframework.stereotype.Component
class SystemEvidencePanel implements SystemPagePanel {

    private final EvidenceService evidence;
    private final AiSystemService systems;

    SystemEvidencePanel(EvidenceService evidence, AiSystemService systems) {
        this.evidence = evidence;
        this.systems = systems;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean visible(long systemId) {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "SYSTEM_OWNER");
    }

    @Override
    public String tab() {
        return "Evidence";
    }

    @Override
    public Component render(long systemId) {
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        panel.setId("system-evidence");
        Grid<EvidenceItem> grid = new Grid<>(EvidenceItem.class, false);
        grid.setId("system-evidence-grid");
        grid.addColumn(EvidenceItem::getTitle)
                .setHeader("Evidence")
                .setSortProperty("title")
                .setFlexGrow(3);
        grid.addColumn(i -> i.getKind().label())
                .setHeader("Kind")
                .setSortProperty("kind")
                .setAutoWidth(true);
        grid.addColumn(i -> "v" + i.getCurrentVersion()).setHeader("Version").setAutoWidth(true);
        grid.addColumn(i -> EvidenceView.text(i.getExpiresOn()))
                .setHeader("Expires")
                .setSortProperty("expiresOn");
        grid.addColumn(i -> i.isReviewed() ? "✓ " + i.getReviewedBy() : "not yet")
                .setHeader("Reviewed");
        Filter filter = new Filter(null, null, null, systemId, false);
        Button add = new Button(
                "Add evidence",
                VaadinIcon.PLUS.create(),
                e -> UI.getCurrent()
                        .navigate(
                                "evidence",
                                QueryParameters.simple(Map.of("system", String.valueOf(systemId), "new", "true"))));
        add.setId("system-evidence-add");
        add.setVisible(evidence.mayManage() || systems.mayEdit(systemId));
        if (evidence.count(filter) == 0) {
            // no empty grid: the page stays as short as it was without evidence
            panel.add(
                    new H3("Evidence"),
                    new Paragraph("No evidence for this AI system yet. Add a file or a link; "
                            + "telemetry test results on its controls are filed here by themselves."),
                    add);
            return panel;
        }
        grid.setItems(q -> evidence.search(filter, VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(), q ->
                (int) evidence.count(filter));
        grid.setAllRowsVisible(true);
        grid.setPageSize(20);
        grid.addItemClickListener(
                e -> UI.getCurrent().navigate("evidence/" + e.getItem().getId()));
        grid.setEmptyStateText("No evidence for this AI system yet. Add a file or a link with “Add evidence”; "
                + "telemetry test results on its controls are filed here by themselves.");
        panel.add(new H3("Evidence"), grid, add);
        return panel;
    }
}
