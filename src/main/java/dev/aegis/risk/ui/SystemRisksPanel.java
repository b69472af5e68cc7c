package dev.aegis.risk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification;
import dev.aegis.inventory.ScopeService.TypicalThreat;
import dev.aegis.inventory.ui.SystemPagePanel;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.shared.UserDirectory;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * On an AI system's page: the system's risks (a grid paged by the database; a click opens the risk in the register),
 * and the threats typical for its kind that no risk of it names yet, each with a button that raises a risk for it,
 * prefilled with the system and the threat.
 */
@org.springframework.stereotype.Component
class SystemRisksPanel implements SystemPagePanel {

    private final RiskService risks;
    private final AiSystemService systems;
    private final FrameworkCatalog catalog;
    private final Validator validator;
    private final UserDirectory people;

    SystemRisksPanel(
            RiskService risks,
            AiSystemService systems,
            FrameworkCatalog catalog,
            Validator validator,
            UserDirectory people) {
        this.people = people;
        this.risks = risks;
        this.systems = systems;
        this.catalog = catalog;
        this.validator = validator;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String tab() {
        return "Risks and threats";
    }

    @Override
    public Component render(long systemId) {
        return new Panel(systemId);
    }

    /** The category a risk raised for this threat most likely has; the person can change it. */
    static Category categoryOf(RequirementSummary threat) {
        String ref = threat.refId();
        if (ref.startsWith("LLM02")
                || ref.startsWith("AML.T0024")
                || ref.startsWith("AML.T0025")
                || ref.startsWith("AML.T0057")
                || ref.startsWith("LLM07")) {
            return Category.PRIVACY;
        }
        if (ref.startsWith("LLM03") || ref.startsWith("AML.T0010")) {
            return Category.THIRD_PARTY;
        }
        if (ref.startsWith("LLM09")) {
            return Category.RELIABILITY;
        }
        return Category.SECURITY;
    }

    /** One system's risks and uncovered threats. */
    final class Panel extends VerticalLayout {

        final long systemId;
        final Grid<Risk> grid = new Grid<>(Risk.class, false);
        final Grid<TypicalThreat> threats = new Grid<>(TypicalThreat.class, false);
        final Paragraph threatsSummary = new Paragraph();
        final RiskEditor editor;
        private final boolean mayRaise;

        Panel(long systemId) {
            this.systemId = systemId;
            this.mayRaise = risks.mayRaiseFor(systemId);
            this.editor =
                    new RiskEditor(risks, new RegisterChoices(systems, catalog, people), validator, saved -> refresh());
            setId("system-risks");
            setPadding(false);
            configureRisks();
            configureThreats();
            add(new H3("Risks"), grid, new H3("Typical threats no risk covers yet"), threatsSummary, threats);
            refresh();
        }

        private void configureRisks() {
            grid.setId("system-risks-grid");
            grid.getElement().getThemeList().add("wrap-cell-content"); // long titles wrap instead of ending in "…"
            grid.addColumn(Risk::getTitle)
                    .setHeader("Risk")
                    .setSortProperty("title")
                    .setFlexGrow(3)
                    .setTooltipGenerator(Risk::getTitle);
            grid.addColumn(r -> Classification.label(r.getStatus()))
                    .setHeader("Status")
                    .setSortProperty("status")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            grid.addColumn(Risk::getInherentScore)
                    .setHeader("Inherent")
                    .setKey("inherent")
                    .setSortProperty("inherentScore");
            grid.addColumn(r -> r.getResidualScore() == null
                            ? "–"
                            : r.getResidualScore().toString())
                    .setHeader("Residual")
                    .setSortProperty("residualScore");
            grid.addColumn(Risk::getOwner)
                    .setHeader("Owner")
                    .setSortProperty("owner")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            RiskService.Filter filter = new RiskService.Filter(null, null, null, null, null, null, systemId);
            grid.setItems(q -> risks.search(filter, VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(), q ->
                    (int) risks.count(filter));
            grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("inherent"), SortDirection.DESCENDING)));
            grid.addItemClickListener(e -> UI.getCurrent()
                    .navigate(
                            "risks",
                            QueryParameters.simple(
                                    Map.of("risk", String.valueOf(e.getItem().getId())))));
            grid.setEmptyStateText(
                    mayRaise
                            ? "No risks yet. Raise one for a threat below."
                            : "No risks recorded for this system yet.");
            grid.setHeight("16rem");
            grid.setWidthFull();
        }

        private void configureThreats() {
            threats.setId("system-threats-grid");
            threats.getElement().getThemeList().add("wrap-cell-content");
            threats.addColumn(t -> t.threat().refId())
                    .setHeader("Threat")
                    .setWidth("9rem")
                    .setFlexGrow(0);
            threats.addColumn(t -> t.threat().title())
                    .setHeader("Title")
                    .setFlexGrow(2)
                    .setTooltipGenerator(t -> t.threat().title());
            threats.addColumn(TypicalThreat::reason)
                    .setHeader("Why it is typical")
                    .setFlexGrow(3);
            if (mayRaise) {
                threats.addComponentColumn(this::raiseButton)
                        .setKey("raise")
                        .setHeader("")
                        .setAutoWidth(true)
                        .setFlexGrow(0);
            }
            threats.setAllRowsVisible(true);
            threats.setWidthFull();
        }

        private Button raiseButton(TypicalThreat t) {
            Button button = new Button("Raise a risk", e -> raise(t));
            button.setId("raise-" + t.threat().refId().replace(':', '-').replace('.', '-'));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            button.getElement()
                    .setAttribute("aria-label", "Raise a risk for " + t.threat().refId());
            return button;
        }

        /** Opens the risk form for this threat, with the system, the threat and a title filled in. */
        void raise(TypicalThreat t) {
            RequirementSummary threat = t.threat();
            editor.raise(new RiskDetails(
                    threat.title() + " against " + systems.get(systemId).getName(),
                    null,
                    categoryOf(threat),
                    Set.of(systemId),
                    Set.of(threat.id()),
                    Set.of(),
                    null,
                    null,
                    null,
                    null));
        }

        void refresh() {
            grid.getDataProvider().refreshAll();
            List<TypicalThreat> open = risks.uncoveredThreats(systemId);
            threats.setItems(open);
            threats.setVisible(!open.isEmpty());
            threatsSummary.setText(
                    open.isEmpty()
                            ? "Every threat typical for a system of this kind is named by one of its risks."
                            : open.size()
                                    + " ATLAS techniques and OWASP LLM entries are typical for a system of this kind "
                                    + "(its model type, data, deployment and autonomy) and no risk of it names them yet.");
        }
    }
}
