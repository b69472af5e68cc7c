package dev.aegis.framework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.aegis.framework.CatalogAdministration;
import dev.aegis.framework.CatalogViews.CrosswalkSummary;
import dev.aegis.framework.CatalogViews.Edge;
import dev.aegis.framework.CatalogViews.FrameworkSummary;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.framework.Relationship;
import dev.aegis.shared.DomainRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Crosswalks between frameworks: the list of mappings, filtered by relationship and review state, and a folded
 * mapping matrix.
 * Governance officers review, add and remove mappings here (the service checks that and audits it); everyone else
 * reads.
 */
@Route("crosswalks")
@PageTitle("Crosswalks · Aegis")
@Menu(order = 21, icon = "vaadin:exchange", title = "Crosswalks")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class CrosswalkView extends VerticalLayout implements BeforeEnterObserver {

    static final String CROSSWALK = "crosswalk";
    private static final String DEFAULT_CROSSWALK = "NIST-AI-RMF-1.0_to_ISO-IEC-42001-2023";
    private static final String CLICKED_EDGE = "event.target.closest('td[data-edge]').dataset.edge";

    /** The review states the list can be narrowed to. */
    enum ReviewState {
        NEEDS_REVIEW("Needs review", Edge::needsReview),
        CATALOG_CHANGED("Catalog changed", Edge::catalogChanged),
        REVIEWED("Reviewed in Aegis", e -> e.reviewedBy() != null && !e.needsReview() && !e.catalogChanged());

        final String label;
        final Predicate<Edge> test;

        ReviewState(String label, Predicate<Edge> test) {
            this.label = label;
            this.test = test;
        }
    }

    private final transient FrameworkCatalog catalog;
    private final transient CatalogAdministration administration;
    private final boolean officer;
    private final Map<String, FrameworkSummary> frameworks = new LinkedHashMap<>();
    private List<CrosswalkSummary> allCrosswalks = List.of();
    private List<Edge> edges = List.of();
    private final Map<Long, Integer> catalogOrder = new HashMap<>();
    private boolean reloading;

    final Select<FrameworkSummary> between = new Select<>();
    final Select<FrameworkSummary> and = new Select<>();
    final Select<CrosswalkSummary> crosswalk = new Select<>();
    final Button addMapping = new Button("Add mapping", new Icon(VaadinIcon.PLUS));
    final Select<Relationship> relationshipFilter = new Select<>();
    final Select<ReviewState> reviewFilter = new Select<>();
    final Span summary = new Span();
    final Div matrix = new Div();
    final Details matrixPanel = new Details();
    final Grid<Edge> grid = new Grid<>();

    CrosswalkView(
            FrameworkCatalog catalog, CatalogAdministration administration, AuthenticationContext authentication) {
        this.catalog = catalog;
        this.administration = administration;
        this.officer = authentication.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
        FrameworkOrder.sorted(catalog.frameworks()).forEach(f -> frameworks.put(f.code(), f));
        setWidthFull();
        configurePickers();
        configureFilters();
        configureMatrix();
        configureGrid();
        add(new H2("Crosswalks"), intro(), pickers(), filters(), new H3("Mappings"), grid, matrixDetails());
        reloadCrosswalks(DEFAULT_CROSSWALK);
    }

    // ---- layout ---------------------------------------------------------------------------------------------

    private Component intro() {
        Paragraph p = new Paragraph("A crosswalk maps the requirements of one framework to another. Pick a crosswalk, "
                + "or two frameworks to see the crosswalks between them in either direction."
                + (officer ? " Select a mapping to review it." : ""));
        p.addClassNames("aegis-hint");
        return p;
    }

    private void configurePickers() {
        for (Select<FrameworkSummary> end : List.of(between, and)) {
            end.setItems(frameworks.values());
            end.setItemLabelGenerator(f -> f == null ? "Any framework" : f.shortName());
            end.setEmptySelectionAllowed(true);
            end.setEmptySelectionCaption("Any framework");
            end.setWidth("18rem");
            end.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    narrowCrosswalks();
                }
            });
        }
        between.setId("framework-a");
        between.setLabel("Between");
        and.setId("framework-b");
        and.setLabel("and");
        crosswalk.setId("crosswalk-picker");
        crosswalk.setLabel("Crosswalk");
        crosswalk.setItemLabelGenerator(c -> c.name() + " (" + c.edges() + " mappings"
                + (c.needingReview() > 0 ? ", " + c.needingReview() + " to review)" : ")"));
        crosswalk.setWidth("32rem");
        crosswalk.setEmptySelectionAllowed(false);
        crosswalk.addValueChangeListener(e -> {
            if (!reloading) {
                loadEdges();
            }
        });
        addMapping.setId("add-mapping");
        addMapping.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addMapping.addClickListener(e -> openNewMapping());
    }

    private Component pickers() {
        HorizontalLayout row = new HorizontalLayout(between, and, crosswalk);
        if (officer) {
            row.add(addMapping);
        }
        row.setWrap(true);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void configureFilters() {
        relationshipFilter.setId("relationship-filter");
        relationshipFilter.setLabel("Relationship");
        relationshipFilter.setItems(Relationship.values());
        relationshipFilter.setEmptySelectionAllowed(true);
        relationshipFilter.setEmptySelectionCaption("Any relationship");
        relationshipFilter.setItemLabelGenerator(r -> r == null ? "Any relationship" : Badges.label(r));
        relationshipFilter.addValueChangeListener(e -> showEdges());
        reviewFilter.setId("review-filter");
        reviewFilter.setLabel("Review");
        reviewFilter.setItems(ReviewState.values());
        reviewFilter.setEmptySelectionAllowed(true);
        reviewFilter.setEmptySelectionCaption("Any review state");
        reviewFilter.setItemLabelGenerator(s -> s == null ? "Any review state" : s.label);
        reviewFilter.addValueChangeListener(e -> showEdges());
        summary.setId("crosswalk-summary");
        summary.addClassNames("aegis-hint");
    }

    private Component filters() {
        HorizontalLayout row = new HorizontalLayout(relationshipFilter, reviewFilter, summary);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private Component legend() {
        Div legend = new Div(new Span("Source rows, target columns:"));
        legend.setId("matrix-legend");
        legend.addClassNames("aegis-legend");
        for (Relationship r : Relationship.values()) {
            legend.add(swatch(Badges.symbol(r), Badges.cssClass(r)), new Span(Badges.label(r)));
        }
        legend.add(
                swatch("!", "aegis-cell-review"),
                new Span("needs review"),
                swatch("*", "aegis-cell-changed"),
                new Span("catalog changed"));
        return legend;
    }

    private static Span swatch(String mark, String cssClass) {
        Span swatch = new Span(mark);
        swatch.addClassNames("aegis-legend-swatch", cssClass);
        return swatch;
    }

    /** The matrix is an overview for the curious; folded, it leaves the list (what people work with) on top. */
    private Component matrixDetails() {
        VerticalLayout body = new VerticalLayout(legend(), matrix);
        body.setPadding(false);
        matrixPanel.setSummaryText("Mapping matrix");
        matrixPanel.add(body);
        matrixPanel.setId("matrix-panel");
        matrixPanel.setOpened(false);
        matrixPanel.setWidthFull();
        // drawn when opened: most visits work with the list, and the matrix costs the catalogs' order and markup
        matrixPanel.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                drawMatrix();
            }
        });
        return matrixPanel;
    }

    private void configureMatrix() {
        matrix.setId("mapping-matrix");
        matrix.addClassNames("aegis-matrix-scroll");
        // a scrolling region: keyboard users reach it with Tab and scroll it with the arrow keys
        matrix.getElement().setAttribute("tabindex", "0");
        matrix.getElement().setAttribute("role", "region");
        matrix.getElement().setAttribute("aria-label", "Mapping matrix");
        // one listener for the whole table; the clicked cell names its edge
        matrix.getElement()
                .addEventListener(
                        "click",
                        e -> openEdge(Long.parseLong(
                                e.getEventData().path(CLICKED_EDGE).asString("0"))))
                .addEventData(CLICKED_EDGE)
                .setFilter("event.target.closest('td[data-edge]') != null");
    }

    private void configureGrid() {
        grid.setId("edges-grid");
        grid.addColumn(e -> e.source().refId())
                .setHeader("Source")
                .setKey("source")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setPartNameGenerator(e -> "aegis-ref-cell")
                .setSortable(true);
        grid.addColumn(e -> e.source().title())
                .setHeader("Source title")
                .setKey("sourceTitle")
                .setWidth("9rem")
                .setFlexGrow(1)
                .setTooltipGenerator(e -> e.source().title());
        grid.addComponentColumn(e -> Badges.relationship(e.relationship()))
                .setHeader("Relationship")
                .setKey("relationship")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> e.target().refId())
                .setHeader("Target")
                .setKey("target")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setPartNameGenerator(e -> "aegis-ref-cell")
                .setSortable(true);
        grid.addColumn(e -> e.target().title())
                .setHeader("Target title")
                .setKey("targetTitle")
                .setWidth("9rem")
                .setFlexGrow(1)
                .setTooltipGenerator(e -> e.target().title());
        // confidence, review state and who made it in one column: the titles need the width more
        grid.addComponentColumn(CrosswalkView::flags)
                .setHeader("Confidence and review")
                .setKey("flags")
                .setWidth("11rem")
                .setFlexGrow(0);
        if (officer) {
            grid.addComponentColumn(this::actions)
                    .setHeader("Actions")
                    .setKey("actions")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            grid.setDetailsVisibleOnClick(false);
            grid.asSingleSelect().addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    openReview(e.getValue());
                }
            });
        }
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(CrosswalkView::details));
        grid.getElement().getThemeList().add("wrap-cell-content"); // titles wrap instead of ending in "…"
        grid.setHeight("26rem");
        grid.setWidthFull();
    }

    private static Component flags(Edge e) {
        Span flags = new Span();
        flags.addClassNames("aegis-flags");
        if (e.confidence() != null) {
            flags.add(new Span(e.confidence().toLowerCase(java.util.Locale.ROOT) + " confidence"));
        }
        if ("ORGANISATION".equals(e.origin())) {
            flags.add(Badges.plain("ours"));
        }
        if (e.needsReview()) {
            flags.add(Badges.needsReview());
        }
        if (e.catalogChanged()) {
            flags.add(Badges.catalogChanged());
        }
        if (!e.needsReview() && !e.catalogChanged() && e.reviewedBy() != null) {
            flags.add(Badges.plain("reviewed by " + e.reviewedBy()));
        }
        return flags;
    }

    private static Component details(Edge e) {
        Div details = new Div();
        details.addClassNames("aegis-hint");
        details.add(new Paragraph("Mapped by: " + Objects.requireNonNullElse(e.mappingSource(), "—")));
        if (e.rationale() != null) {
            details.add(new Paragraph("Rationale: " + e.rationale()));
        }
        if (e.reviewNote() != null) {
            details.add(new Paragraph("Review note: " + e.reviewNote()));
        }
        return details;
    }

    private Component actions(Edge e) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        Button review = new Button("Review", new Icon(VaadinIcon.CHECK_SQUARE_O), click -> openReview(e));
        review.setId("review-" + e.id());
        review.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        row.add(review);
        if ("ORGANISATION".equals(e.origin())) {
            Button remove = new Button("Remove", new Icon(VaadinIcon.TRASH), click -> confirmRemove(e));
            remove.setId("remove-" + e.id());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            row.add(remove);
        }
        return row;
    }

    // ---- data -----------------------------------------------------------------------------------------------

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(CROSSWALK).ifPresent(this::showCrosswalk);
    }

    /** Shows the named crosswalk, widening the framework choice if it hides that one. */
    void showCrosswalk(String code) {
        allCrosswalks = catalog.crosswalks();
        allCrosswalks.stream().filter(c -> c.code().equals(code)).findFirst().ifPresent(c -> {
            if (!connects(c, between.getValue(), and.getValue())) {
                between.clear();
                and.clear();
            }
        });
        reloadCrosswalks(code);
    }

    /**
     * Reads the crosswalk list again (counts change with reviews), keeps those between the chosen frameworks and
     * selects the preferred one if it is among them, else the first.
     */
    void reloadCrosswalks(String selectCode) {
        allCrosswalks = catalog.crosswalks();
        List<CrosswalkSummary> shown = allCrosswalks.stream()
                .filter(c -> connects(c, between.getValue(), and.getValue()))
                .toList();
        CrosswalkSummary chosen = shown.stream()
                .filter(c -> c.code().equals(selectCode))
                .findFirst()
                .orElse(shown.isEmpty() ? null : shown.getFirst());
        reloading = true; // load the edges once below, not on every intermediate value
        try {
            crosswalk.setItems(shown);
            crosswalk.setValue(chosen);
        } finally {
            reloading = false;
        }
        loadEdges();
    }

    private void narrowCrosswalks() {
        CrosswalkSummary current = crosswalk.getValue();
        reloadCrosswalks(current == null ? null : current.code());
    }

    /** Whether a crosswalk runs between the chosen frameworks, in either direction; an unchosen end matches any. */
    static boolean connects(CrosswalkSummary c, FrameworkSummary a, FrameworkSummary b) {
        if (a == null && b == null) {
            return true;
        }
        if (a == null || b == null) {
            String one = (a != null ? a : b).code();
            return c.sourceFramework().equals(one) || c.targetFramework().equals(one);
        }
        return c.sourceFramework().equals(a.code()) && c.targetFramework().equals(b.code())
                || c.sourceFramework().equals(b.code()) && c.targetFramework().equals(a.code());
    }

    private void loadEdges() {
        CrosswalkSummary c = crosswalk.getValue();
        edges = c == null ? List.of() : catalog.edges(c.code());
        catalogOrder.clear();
        showEdges();
    }

    /** The catalog position of each requirement of the crosswalk's two frameworks, read once per crosswalk. */
    private Map<Long, Integer> catalogOrder() {
        CrosswalkSummary c = crosswalk.getValue();
        if (catalogOrder.isEmpty() && c != null) {
            for (String code : List.of(c.sourceFramework(), c.targetFramework())) {
                List<RequirementSummary> tree = catalog.tree(code, true);
                for (int i = 0; i < tree.size(); i++) {
                    catalogOrder.put(tree.get(i).id(), i);
                }
            }
        }
        return catalogOrder;
    }

    List<Edge> visibleEdges() {
        Relationship r = relationshipFilter.getValue();
        ReviewState s = reviewFilter.getValue();
        return edges.stream()
                .filter(e -> r == null || e.relationship() == r)
                .filter(e -> s == null || s.test.test(e))
                .toList();
    }

    private void showEdges() {
        List<Edge> visible = visibleEdges();
        grid.setItems(visible);
        CrosswalkSummary c = crosswalk.getValue();
        grid.setEmptyStateText(
                c == null
                        ? "Pick a crosswalk above."
                        : edges.isEmpty()
                                ? "This crosswalk has no mappings yet." + (officer ? " Add one with Add mapping." : "")
                                : "No mapping matches these filters. Choose “Any relationship” and “Any review state” to see all.");
        summary.setText(
                c == null
                        ? ""
                        : visible.size() + " of " + edges.size() + " mappings shown · "
                                + edges.stream().filter(Edge::needsReview).count() + " need review");
        matrix.removeAll();
        if (matrixPanel.isOpened()) {
            drawMatrix();
        }
    }

    private void drawMatrix() {
        matrix.removeAll();
        CrosswalkSummary c = crosswalk.getValue();
        List<Edge> visible = visibleEdges();
        if (visible.isEmpty()) {
            Paragraph empty = new Paragraph(
                    c == null
                            ? "No crosswalk connects these frameworks yet."
                                    + (officer
                                            ? " Add a mapping between them: it starts your organisation's own crosswalk."
                                            : "")
                            : "Nothing to draw: no mapping matches the filters.");
            empty.addClassNames("aegis-hint");
            matrix.add(empty);
        } else {
            matrix.add(new Html(MappingMatrix.render(visible, catalogOrder())));
        }
    }

    /** The matrix markup as rendered, for tests. */
    String matrixHtml() {
        return matrix.getChildren()
                .filter(Html.class::isInstance)
                .map(h -> ((Html) h).getInnerHtml())
                .findFirst()
                .orElse("");
    }

    // ---- actions --------------------------------------------------------------------------------------------

    void openEdge(long edgeId) {
        edges.stream().filter(e -> e.id() == edgeId).findFirst().ifPresent(e -> {
            grid.select(e);
            grid.scrollToItem(e);
            if (officer) {
                openReview(e);
            } else {
                grid.setDetailsVisible(e, true);
            }
        });
    }

    void openReview(Edge edge) {
        EdgeReviewDialog dialog = new EdgeReviewDialog(edge);
        dialog.addReviewListener(e -> {
            try {
                administration.reviewEdge(edge.id(), edge.version(), e.relationship(), e.confidence(), e.note());
            } catch (ObjectOptimisticLockingFailureException conflict) {
                dialog.close();
                reloadCrosswalks(edge.crosswalkCode());
                Notices.refused("Someone else changed this mapping after you opened it. It is reloaded: check it "
                        + "and review it again.");
                return;
            } catch (DomainRuleException rule) {
                dialog.refuse(rule);
                return;
            }
            dialog.close();
            reloadCrosswalks(edge.crosswalkCode());
            Notices.done(
                    "Mapping " + edge.source().refId() + " → " + edge.target().refId() + " reviewed.");
        });
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                grid.deselectAll();
            }
        });
        dialog.open();
    }

    void openNewMapping() {
        CrosswalkSummary c = crosswalk.getValue();
        FrameworkSummary from = c != null ? frameworks.get(c.sourceFramework()) : between.getValue();
        FrameworkSummary to = c != null ? frameworks.get(c.targetFramework()) : and.getValue();
        NewMappingDialog dialog = new NewMappingDialog(
                List.copyOf(frameworks.values()),
                from,
                to,
                (framework, filter, page, size) ->
                        catalog.search(framework, filter, null, PageRequest.of(page, size)).stream());
        dialog.addAddListener(e -> {
            Edge added;
            try {
                added = administration.addEdge(
                        e.mapping().sourceId(),
                        e.mapping().targetId(),
                        e.mapping().relationship(),
                        e.mapping().confidence(),
                        e.mapping().rationale());
            } catch (DomainRuleException rule) {
                dialog.refuse(rule);
                return;
            }
            dialog.close();
            showCrosswalk(added.crosswalkCode());
            Notices.done("Mapping " + added.source().refId() + " → "
                    + added.target().refId() + " added to " + added.crosswalkCode() + ".");
        });
        dialog.open();
    }

    void confirmRemove(Edge edge) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-remove-mapping");
        dialog.setHeader("Remove the mapping " + edge.source().refId() + " → "
                + edge.target().refId() + "?");
        dialog.setText("Your organisation made this mapping. Removing it is recorded in the audit log.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Remove");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                administration.removeEdge(edge.id());
                Notices.done("Mapping removed.");
            } catch (DomainRuleException rule) {
                Notices.refused(rule.getMessage());
            }
            reloadCrosswalks(edge.crosswalkCode());
        });
        dialog.open();
    }
}
