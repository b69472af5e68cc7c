package dev.aegis.framework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.aegis.framework.CatalogAdministration;
import dev.aegis.framework.CatalogViews.FrameworkSummary;
import dev.aegis.framework.CatalogViews.RequirementDetail;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.framework.RequirementKind;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;

/**
 * The framework browser: one framework as a tree, a search over reference ids and text, and the detail of the chosen
 * requirement. Links are shareable: {@code frameworks/NIST-AI-RMF-1.0?req=123}.
 */
@Route("frameworks")
@PageTitle("Frameworks · Aegis")
@Menu(order = 20, icon = "vaadin:book", title = "Frameworks")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class FrameworkBrowserView extends VerticalLayout implements HasUrlParameter<String> {

    static final String REQUIREMENT = "req";
    static final String ATLAS = "MITRE-ATLAS";

    private final transient FrameworkCatalog catalog;
    private final transient CatalogAdministration administration;
    private final boolean mayPaste;
    private final Map<String, FrameworkSummary> frameworks = new LinkedHashMap<>();

    final Select<FrameworkSummary> framework = new Select<>();
    final Checkbox showWithdrawn = new Checkbox("Show withdrawn");
    final TextField search = new TextField();
    final Checkbox onlyThisFramework = new Checkbox("Only this framework");
    final Select<RequirementKind> kind = new Select<>();
    final Span resultCount = new Span();
    final TreeGrid<RequirementSummary> tree = new TreeGrid<>();
    final Grid<RequirementSummary> results = new Grid<>();
    final RequirementDetailPanel detail = new RequirementDetailPanel();
    private final Div listPane = new Div();
    private Map<Long, RequirementSummary> treeItems = Map.of();

    FrameworkBrowserView(
            FrameworkCatalog catalog, CatalogAdministration administration, AuthenticationContext authentication) {
        this.catalog = catalog;
        this.administration = administration;
        this.mayPaste = authentication.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
        FrameworkOrder.sorted(catalog.frameworks()).forEach(f -> frameworks.put(f.code(), f));
        setSizeFull();
        configureFrameworkPicker();
        configureTree();
        configureSearch();
        configureResults();
        detail.addSaveLicensedTextListener(e -> pasteLicensedText(e.requirementId(), e.text()));
        detail.setAtlasEntryFinder(ref -> catalog.find(ATLAS, ref));
        add(new H2("Frameworks"), toolbar(), content());
    }

    /** A link that opens a requirement here, for this screen and the others. */
    static RouterLink link(RequirementSummary r, String className) {
        RouterLink link = new RouterLink(r.refId(), FrameworkBrowserView.class, r.frameworkCode());
        link.setQueryParameters(QueryParameters.of(REQUIREMENT, String.valueOf(r.id())));
        link.addClassNames("aegis-ref", className);
        return link;
    }

    // ---- layout ---------------------------------------------------------------------------------------------

    private void configureFrameworkPicker() {
        framework.setId("framework-picker");
        framework.setLabel("Framework");
        framework.setItems(frameworks.values());
        framework.setItemLabelGenerator(f -> f.name() + " · " + f.version());
        framework.setRenderer(new ComponentRenderer<>(f -> {
            Span count = new Span(f.version() + " · " + f.requirements() + " requirements");
            count.addClassNames("aegis-hint");
            Div option = new Div(new Div(new Span(f.name())), count);
            return option;
        }));
        framework.setWidth("40rem");
        framework.setMaxWidth("100%");
        framework.setEmptySelectionAllowed(false);
        framework.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                return;
            }
            loadTree();
            if (onlyThisFramework.getValue()) {
                refreshResults();
            }
            if (e.isFromClient()) {
                detail.showNothing();
                updateLocation(null);
            }
        });
        showWithdrawn.setId("show-withdrawn");
        showWithdrawn.addValueChangeListener(e -> loadTree());
    }

    private void configureTree() {
        tree.setId("framework-tree");
        tree.getElement().getThemeList().add("wrap-cell-content"); // long titles wrap instead of ending in "…"
        tree.addHierarchyColumn(RequirementSummary::refId)
                .setHeader("Ref")
                .setKey("ref")
                .setWidth("12rem")
                .setFlexGrow(0)
                .setResizable(true)
                .setPartNameGenerator(r -> "aegis-ref-cell");
        tree.addColumn(r -> r.withdrawn() ? r.title() + " (withdrawn)" : r.title())
                .setHeader("Title")
                .setKey("title")
                .setFlexGrow(1)
                .setTooltipGenerator(RequirementSummary::title);
        tree.addColumn(r -> r.kind().label())
                .setHeader("Kind")
                .setKey("kind")
                .setWidth("8rem")
                .setFlexGrow(0)
                .setTooltipGenerator(r -> r.kind().label());
        tree.setPartNameGenerator(r -> r.withdrawn() ? "aegis-withdrawn" : null);
        tree.setEmptyStateText("This framework has no requirements. Pick another framework above.");
        tree.setSizeFull();
        tree.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                open(e.getValue().id());
                updateLocation(e.getValue());
            }
        });
    }

    private void configureSearch() {
        search.setId("requirement-search");
        search.setPlaceholder("Reference id or words, e.g. GOVERN 1.1 or prompt injection");
        search.setAriaLabel("Search requirements");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("26rem");
        search.addValueChangeListener(e -> refreshResults());
        onlyThisFramework.setId("only-this-framework");
        onlyThisFramework.addValueChangeListener(e -> refreshResults());
        kind.setId("kind-filter");
        kind.setAriaLabel("Kind");
        kind.setItems(RequirementKind.values());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption("Any kind");
        kind.setItemLabelGenerator(k -> k == null ? "Any kind" : k.label());
        kind.addValueChangeListener(e -> refreshResults());
        resultCount.setId("result-count");
        resultCount.addClassNames("aegis-hint");
    }

    private void configureResults() {
        results.setId("search-results");
        results.addColumn(r -> frameworks.containsKey(r.frameworkCode())
                        ? frameworks.get(r.frameworkCode()).shortName()
                        : r.frameworkCode())
                .setHeader("Framework")
                .setKey("framework")
                .setAutoWidth(true)
                .setFlexGrow(0);
        results.addColumn(RequirementSummary::refId)
                .setHeader("Ref")
                .setKey("ref")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setPartNameGenerator(r -> "aegis-ref-cell");
        results.addColumn(RequirementSummary::title)
                .setHeader("Title")
                .setKey("title")
                .setFlexGrow(1)
                .setTooltipGenerator(RequirementSummary::title);
        results.addColumn(r -> r.kind().label())
                .setHeader("Kind")
                .setKey("kind")
                .setAutoWidth(true)
                .setFlexGrow(0);
        results.setItems(
                query -> catalog
                        .search(
                                searchScope(),
                                search.getValue(),
                                kind.getValue(),
                                PageRequest.of(query.getPage(), query.getPageSize()))
                        .stream(),
                query -> (int) countResults());
        results.setSizeFull();
        results.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                open(e.getValue().id());
                updateLocation(e.getValue());
            }
        });
        results.setVisible(false);
    }

    private Component toolbar() {
        HorizontalLayout pick = new HorizontalLayout(framework, showWithdrawn);
        pick.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout find = new HorizontalLayout(search, kind, onlyThisFramework, resultCount);
        find.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        find.setWrap(true);
        VerticalLayout bar = new VerticalLayout(pick, find);
        bar.setPadding(false);
        bar.setSpacing(false);
        return bar;
    }

    private Component content() {
        listPane.add(tree, results);
        listPane.setSizeFull();
        Scroller detailPane = new Scroller(detail);
        detailPane.setSizeFull();
        SplitLayout split = new SplitLayout(listPane, detailPane);
        split.setSplitterPosition(55);
        split.addClassNames("aegis-browser");
        setFlexGrow(1, split);
        return split;
    }

    // ---- navigation -----------------------------------------------------------------------------------------

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String code) {
        Long requirementId = event.getLocation()
                .getQueryParameters()
                .getSingleParameter(REQUIREMENT)
                .map(FrameworkBrowserView::parseId)
                .orElse(null);
        RequirementDetail shown = requirementId == null ? null : load(requirementId);
        String target = shown != null ? shown.requirement().frameworkCode() : code;
        if (target == null || !frameworks.containsKey(target)) {
            if (target != null) {
                Notices.refused("There is no framework " + target + ". Pick one from the list.");
            }
            target = framework.getValue() != null ? framework.getValue().code() : firstFrameworkCode();
        }
        if (target != null
                && (framework.getValue() == null || !framework.getValue().code().equals(target))) {
            framework.setValue(frameworks.get(target));
        }
        if (shown != null) {
            show(shown);
            selectInTree(shown.requirement().id());
        } else {
            detail.showNothing();
            tree.deselectAll();
        }
    }

    private void updateLocation(RequirementSummary selected) {
        FrameworkSummary f = framework.getValue();
        if (f == null) {
            return;
        }
        String path = RouteConfiguration.forSessionScope().getUrl(FrameworkBrowserView.class, f.code());
        QueryParameters query = selected == null
                ? QueryParameters.empty()
                : QueryParameters.of(REQUIREMENT, String.valueOf(selected.id()));
        UI.getCurrent().getPage().getHistory().replaceState(null, new com.vaadin.flow.router.Location(path, query));
    }

    // ---- actions --------------------------------------------------------------------------------------------

    void loadTree() {
        FrameworkSummary f = framework.getValue();
        if (f == null) {
            return;
        }
        List<RequirementSummary> all = catalog.tree(f.code(), showWithdrawn.getValue());
        treeItems = all.stream().collect(Collectors.toMap(RequirementSummary::id, Function.identity()));
        TreeData<RequirementSummary> data = new TreeData<>();
        Map<Long, List<RequirementSummary>> children = new HashMap<>();
        for (RequirementSummary r : all) {
            Long parent = r.parentId() != null && treeItems.containsKey(r.parentId()) ? r.parentId() : null;
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(r);
        }
        addChildren(data, null, children);
        tree.setDataProvider(new TreeDataProvider<>(data));
        RequirementDetail shown = detail.shown();
        if (shown != null && treeItems.containsKey(shown.requirement().id())) {
            selectInTree(shown.requirement().id());
        }
    }

    /** Parents before children, whatever order the catalog lists them in. */
    private static void addChildren(
            TreeData<RequirementSummary> data,
            RequirementSummary parent,
            Map<Long, List<RequirementSummary>> children) {
        for (RequirementSummary child : children.getOrDefault(parent == null ? null : parent.id(), List.of())) {
            data.addItem(parent, child);
            addChildren(data, child, children);
        }
    }

    private void selectInTree(long id) {
        RequirementSummary item = treeItems.get(id);
        if (item == null) {
            return;
        }
        List<RequirementSummary> ancestors = new ArrayList<>();
        for (RequirementSummary p = parentOf(item); p != null; p = parentOf(p)) {
            ancestors.addFirst(p);
        }
        tree.expand(ancestors);
        tree.select(item);
        tree.scrollToItem(item);
    }

    private RequirementSummary parentOf(RequirementSummary r) {
        return r.parentId() == null ? null : treeItems.get(r.parentId());
    }

    void refreshResults() {
        boolean searching = !search.getValue().isBlank() || kind.getValue() != null;
        tree.setVisible(!searching);
        results.setVisible(searching);
        if (!searching) {
            resultCount.setText("");
            return;
        }
        long count = countResults();
        resultCount.setText(count == 1 ? "1 match" : count + " matches");
        boolean narrowed = onlyThisFramework.getValue();
        results.setEmptyStateText("Nothing matches “" + search.getValue().trim() + "”"
                + (narrowed ? " in this framework" : "") + ". Try a reference id such as GOVERN 1.1, "
                + "fewer words, another kind" + (narrowed ? ", or untick “Only this framework”." : "."));
        results.getDataProvider().refreshAll();
    }

    private long countResults() {
        return catalog.search(searchScope(), search.getValue(), kind.getValue(), PageRequest.of(0, 1))
                .getTotalElements();
    }

    private String searchScope() {
        return !onlyThisFramework.getValue() || framework.getValue() == null
                ? null
                : framework.getValue().code();
    }

    /** Shows a requirement picked on this screen; the picker follows it to its framework. */
    void open(long requirementId) {
        RequirementDetail loaded = load(requirementId);
        if (loaded == null) {
            return;
        }
        String code = loaded.requirement().frameworkCode();
        if (framework.getValue() == null || !framework.getValue().code().equals(code)) {
            framework.setValue(frameworks.get(code));
        }
        show(loaded);
    }

    private void show(RequirementDetail loaded) {
        FrameworkSummary f = frameworks.get(loaded.requirement().frameworkCode());
        detail.show(loaded, f, frameworks, mayPaste && RequirementDetailPanel.textIsLicensed(f));
    }

    private RequirementDetail load(long id) {
        try {
            return catalog.requirement(id);
        } catch (NotFoundException e) {
            Notices.refused("That requirement does not exist (any more). Pick one in the tree or search for it.");
            return null;
        }
    }

    void pasteLicensedText(long requirementId, String text) {
        try {
            administration.pasteLicensedText(requirementId, text);
        } catch (DomainRuleException rule) {
            detail.licensedEditor.setErrorMessage(rule.getMessage());
            detail.licensedEditor.setInvalid(true);
            return;
        }
        Notices.done(
                text == null || text.isBlank()
                        ? "Licensed text removed."
                        : "Licensed text saved. It stays in Aegis and is never exported.");
        RequirementDetail reloaded = load(requirementId);
        if (reloaded != null) {
            show(reloaded);
        }
    }

    private String firstFrameworkCode() {
        return frameworks.isEmpty() ? null : frameworks.keySet().iterator().next();
    }

    private static Long parseId(String s) {
        try {
            return Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
