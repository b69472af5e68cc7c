package dev.aegis.risk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskTransfer;
import dev.aegis.risk.RiskVocabulary.Band;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.risk.RiskVocabulary.Status;
import dev.aegis.risk.ui.RiskForm.SystemRef;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.ui.AddressFilters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The risk register: the inherent and residual heat maps (following the system and category filters), filters that
 * combine and live in the address so a filtered register can be bookmarked, a grid paged and sorted by the database,
 * and a risk's details in a dialog ({@code risks?risk=<id>} opens one) from which its workflow is one click away.
 */
@Route("risks")
@PageTitle("Risks · Aegis")
@Menu(order = 11, icon = "vaadin:warning", title = "Risks")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class RisksView extends VerticalLayout implements BeforeEnterObserver {

    private final transient RiskService risks;
    private final transient RegisterChoices choices;
    final HeatMapView heatMap = new HeatMapView();
    final Grid<Risk> grid = new Grid<>(Risk.class, false);
    final TextField text = new TextField();
    final ComboBox<Status> status = new ComboBox<>("Status", Status.values());
    final ComboBox<Category> category = new ComboBox<>("Category", Category.values());
    final ComboBox<EuAiActTier> tier = new ComboBox<>("System tier", EuAiActTier.values());
    final TextField owner = new TextField("Owner");
    final ComboBox<SystemRef> system = new ComboBox<>("AI system");
    final ComboBox<RequirementSummary> requirement = new ComboBox<>("Requirement or threat");
    final ComboBox<Band> band = new ComboBox<>("Current score", Band.values());
    final Checkbox openOnly = new Checkbox("Open only");
    final Button raise = new Button("Raise a risk", new Icon(VaadinIcon.PLUS));
    final RiskEditor editor;
    final RiskWorkflowDialog workflow;
    final RiskFiles files;
    /** While the address fills the filters, their changes do not write it back. */
    private boolean restoring;

    RisksView(
            RiskService risks,
            RiskTransfer transfer,
            AiSystemService systems,
            FrameworkCatalog catalog,
            Validator validator,
            AuthenticationContext auth,
            UserDirectory people) {
        this.risks = risks;
        this.choices = new RegisterChoices(systems, catalog, people);
        this.workflow = new RiskWorkflowDialog(risks, this::refresh);
        this.editor = new RiskEditor(risks, choices, validator, saved -> refresh());
        editor.workflow.addClickListener(e -> {
            editor.close();
            workflow.show(risks.get(editor.editing.getId()));
        });
        this.files = new RiskFiles(
                transfer, this::filter, auth.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "SYSTEM_OWNER"), this::refresh);
        setSizeFull();
        configureGrid();
        raise.setVisible(auth.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "SYSTEM_OWNER"));
        add(new H2("Risk register"), heatMap, toolbar(), grid);
        // dialogs belong to the UI, not the view: leaving the view must not leave them open over the next one
        addDetachListener(e -> {
            editor.close();
            workflow.close();
        });
    }

    /** The residual score, with a badge while a finding has put it in doubt. */
    static Component residual(Risk r) {
        Span score = new Span(
                r.getResidualScore() == null ? "–" : r.getResidualScore().toString());
        if (!r.isFlaggedForReassessment()) {
            return score;
        }
        Span badge = reassessBadge();
        badge.getElement().setAttribute("title", r.getReassessmentReason());
        return new Span(score, new Span(" "), badge);
    }

    /** "Reassess": the residual score is in doubt since a finding against a control mitigating the risk. */
    static Span reassessBadge() {
        Span badge = new Span("Reassess");
        badge.addClassNames("aegis-badge", "aegis-badge-review", "aegis-reassess");
        return badge;
    }

    private void configureGrid() {
        grid.setId("risks-grid");
        grid.getElement().getThemeList().add("wrap-cell-content"); // long titles wrap instead of ending in "…"
        grid.addColumn(Risk::getTitle)
                .setWidth("14rem")
                .setHeader("Risk")
                .setSortProperty("title")
                .setFlexGrow(3)
                .setTooltipGenerator(Risk::getTitle);
        grid.addColumn(r -> Classification.label(r.getCategory()))
                .setHeader("Category")
                .setSortProperty("category")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> Classification.label(r.getStatus()))
                .setHeader("Status")
                .setSortProperty("status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Risk::getInherentScore)
                .setHeader("Inherent")
                .setKey("inherent")
                .setSortProperty("inherentScore")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(RisksView::residual)
                .setHeader("Residual")
                .setSortProperty("residualScore")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Risk::getOwner)
                .setHeader("Owner")
                .setSortProperty("owner")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Risk::getDueDate)
                .setHeader("Due")
                .setSortProperty("dueDate")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(
                query -> risks.slice(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) risks.count(filter()));
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("inherent"), SortDirection.DESCENDING)));
        grid.addItemClickListener(e -> open(e.getItem().getId()));
        grid.setEmptyStateText(
                "No risks match. Clear a filter, or raise the first risk of an AI system with “Raise a risk”.");
        grid.setSizeFull();
    }

    private Component toolbar() {
        text.setPlaceholder("Search title and description");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setId("risks-search");
        owner.setPlaceholder("User name");
        owner.setClearButtonVisible(true);
        owner.setValueChangeMode(ValueChangeMode.LAZY);
        owner.setId("risks-owner");
        for (TextField field : List.of(text, owner)) {
            field.addValueChangeListener(e -> filtersChanged());
        }
        for (ComboBox<?> box : List.of(status, category, tier, system, requirement, band)) {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> filtersChanged());
        }
        band.setId("risks-band");
        band.setItemLabelGenerator(Band::labelWithRange);
        band.setTooltipText("The residual score once assessed, else the inherent score");
        band.setWidth("12rem");
        openOnly.setId("risks-open");
        openOnly.setTooltipText("Neither closed nor accepted");
        openOnly.addValueChangeListener(e -> filtersChanged());
        status.setItemLabelGenerator(Classification::label);
        category.setItemLabelGenerator(Classification::label);
        tier.setItemLabelGenerator(Classification::label);
        system.setId("risks-system");
        system.setItemLabelGenerator(SystemRef::name);
        system.setItems(q -> choices.systems(q.getFilter().orElse(""), q.getOffset(), q.getLimit()));
        requirement.setId("risks-requirement");
        requirement.setItemLabelGenerator(RiskForm::requirementLabel);
        requirement.setItems(q -> choices.requirements(q.getFilter().orElse(""), q.getOffset(), q.getLimit()));
        requirement.setWidth("20rem");
        raise.setId("raise-risk");
        raise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        raise.addClickListener(e -> openNew());
        HorizontalLayout bar = new HorizontalLayout(
                text, status, category, tier, owner, system, requirement, band, openOnly, raise, files);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        bar.setWrap(true);
        return bar;
    }

    void openNew() {
        editor.raise(new RiskDetails(
                "",
                null,
                null,
                system.getValue() == null ? Set.of() : Set.of(system.getValue().id()),
                Set.of(),
                Set.of(),
                null,
                null,
                null,
                null));
    }

    /** Opens a risk's details (editable if the user may change it). */
    void open(long id) {
        try {
            editor.edit(risks.get(id));
        } catch (NotFoundException e) {
            Notification.show(
                            "There is no risk " + id + "; it may have been removed.",
                            5000,
                            Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Fills the filters from the address ({@code risks?status=ASSESSED&system=12}) and opens {@code risk=<id>}. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        AddressFilters address = AddressFilters.of(event.getLocation().getQueryParameters());
        restoring = true;
        try {
            text.setValue(address.text("q").orElse(""));
            owner.setValue(address.text("owner").orElse(""));
            status.setValue(address.value("status", Status.class).orElse(null));
            category.setValue(address.value("category", Category.class).orElse(null));
            tier.setValue(address.value("tier", EuAiActTier.class).orElse(null));
            system.setValue(address.id("system")
                    .flatMap(id -> choices.systemsById(List.of(id)).stream().findFirst())
                    .orElse(null));
            requirement.setValue(address.id("requirement")
                    .flatMap(
                            id -> choices.requirementsById(List.of(id)).stream().findFirst())
                    .orElse(null));
            band.setValue(address.value("band", Band.class).orElse(null));
            openOnly.setValue(address.flag("open"));
        } finally {
            restoring = false;
        }
        refresh();
        address.id("risk").ifPresent(this::open);
    }

    private void filtersChanged() {
        if (restoring) {
            return;
        }
        refresh();
        UI.getCurrent().getPage().getHistory().replaceState(null, new Location("risks", queryParameters()));
    }

    /** The filters in use as query parameters, for a bookmarkable address. */
    QueryParameters queryParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "q", text.getValue(), Function.identity());
        put(p, "status", status.getValue(), Enum::name);
        put(p, "category", category.getValue(), Enum::name);
        put(p, "tier", tier.getValue(), Enum::name);
        put(p, "owner", owner.getValue(), Function.identity());
        put(p, "system", system.getValue(), s -> String.valueOf(s.id()));
        put(p, "requirement", requirement.getValue(), r -> String.valueOf(r.id()));
        put(p, "band", band.getValue(), b -> b.name().toLowerCase(java.util.Locale.ROOT));
        if (openOnly.getValue()) {
            p.put("open", "true");
        }
        return QueryParameters.simple(p);
    }

    private static <T> void put(Map<String, String> p, String name, T value, Function<T, String> text) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            p.put(name, text.apply(value).trim());
        }
    }

    private RiskService.Filter filter() {
        return new RiskService.Filter(
                text.getValue(),
                status.getValue(),
                owner.getValue(),
                category.getValue(),
                tier.getValue(),
                requirement.getValue() == null ? null : requirement.getValue().id(),
                system.getValue() == null ? null : system.getValue().id(),
                band.getValue(),
                openOnly.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        heatMap.show(risks.heatMap(
                system.getValue() == null ? null : system.getValue().id(), category.getValue()));
    }
}
