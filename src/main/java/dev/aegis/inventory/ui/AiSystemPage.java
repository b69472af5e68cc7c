package dev.aegis.inventory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification;
import dev.aegis.inventory.ScopeService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.ui.TabStrips;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One AI system's page at {@code systems/<id>}: what it is, its scope, and what other modules contribute through
 * {@link SystemPagePanel} beans (its risks and the threats no risk covers yet). Details are edited in the inventory's
 * form, one click away.
 */
@Route("systems/:id(\\d+)")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class AiSystemPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AiSystemService systems;
    private final transient ScopeService scopes;
    private final transient ObjectProvider<SystemPagePanel> panels;
    final H2 name = new H2();
    final Paragraph summary = new Paragraph();
    final RouterLink edit = new RouterLink();
    final Div contributions = new Div();
    /** The page's parts in tabs; only the chosen tab's panel is built and in the page. */
    final Tabs tabs = new Tabs();

    final Div content = new Div();
    final HorizontalLayout actions = new HorizontalLayout();
    private final Map<Tab, Supplier<Component>> builders = new LinkedHashMap<>();
    private final Map<Tab, Component> built = new HashMap<>();
    private final Map<String, Tab> bySlug = new HashMap<>();
    private String wantedTab;
    private long shownId;
    private String title = "AI system · Aegis";

    AiSystemPage(AiSystemService systems, ScopeService scopes, ObjectProvider<SystemPagePanel> panels) {
        this.systems = systems;
        this.scopes = scopes;
        this.panels = panels;
        setId("system-page");
        summary.setId("system-summary");
        edit.setId("edit-system");
        contributions.setWidthFull();
        actions.setPadding(false);
        actions.setAlignItems(Alignment.CENTER);
        actions.setWrap(true);
        configureTabs();
        add(
                new HorizontalLayout(new RouterLink("← All AI systems", AiSystemsView.class)),
                name,
                summary,
                actions,
                contributions);
    }

    /** Plain {@link Tabs} above one content box, as Coverage does ({@link TabStrips}: TabSheet failed axe). */
    private void configureTabs() {
        tabs.setId("system-tabs");
        tabs.setWidthFull();
        TabStrips.accessible(tabs, "Parts of the system's page");
        tabs.addSelectedChangeListener(e -> {
            showTab(e.getSelectedTab());
            if (e.isFromClient() && e.getSelectedTab() != null) {
                remember(e.getSelectedTab());
            }
        });
        content.setId("system-tab-content");
        content.setWidthFull();
        content.getStyle().set("padding-top", "var(--lumo-space-s)"); // the panel's heading clear of the tab strip
        content.getElement().setAttribute("role", "tabpanel");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        // systems/7?tab=telemetry opens on that tab
        wantedTab = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("tab")
                .orElse(null);
        shownId = id;
        AiSystem system;
        try {
            system = systems.get(id);
        } catch (NotFoundException e) {
            name.setText("No such AI system");
            summary.setText("There is no AI system " + id + ". Find it in the inventory.");
            edit.setVisible(false);
            actions.removeAll();
            actions.add(edit);
            contributions.removeAll();
            built.clear();
            return;
        }
        show(system);
    }

    private void show(AiSystem s) {
        title = s.getName() + " · Aegis";
        name.setText(s.getName());
        summary.setText(String.join(
                " · ",
                List.of(
                        Classification.label(s.getModelType()),
                        Classification.label(s.details().deployment()),
                        "data: "
                                + (s.getDataCategories().isEmpty()
                                        ? "none"
                                        : s.getDataCategories().stream()
                                                .map(Classification::label)
                                                .sorted()
                                                .collect(Collectors.joining(", "))),
                        "EU AI Act " + Classification.label(s.getEuAiActTier()),
                        Classification.label(s.getLifecycleStage()),
                        "owners: " + owners(s))));
        edit.setVisible(true);
        edit.setText(systems.mayEdit(s.getId()) ? "Edit the details" : "Show all details");
        edit.setRoute(AiSystemsView.class);
        edit.setQueryParameters(QueryParameters.simple(Map.of("system", String.valueOf(s.getId()))));
        contributions.removeAll();
        tabs.removeAll();
        content.removeAll();
        builders.clear();
        built.clear();
        bySlug.clear();
        long systemId = s.getId();
        actions.removeAll();
        actions.add(edit);
        panels.orderedStream()
                .sorted(Comparator.comparingInt(SystemPagePanel::order))
                .filter(p -> p.visible(systemId))
                .forEach(p -> {
                    if (p.tab() == null) {
                        actions.add(
                                p.render(systemId)); // small things such as the report buttons, beside the edit link
                    } else {
                        addTab(p.tab(), () -> p.render(systemId));
                    }
                });
        if (scopes.mayDecide() || systems.mayEdit(systemId) || Actors.hasAnyRole("AUDITOR")) {
            // the scope lists hundreds of requirements most visits never unfold
            addTab("Scope", () -> new ScopePanel(scopes, systemId));
        }
        if (tabs.getComponentCount() > 0) {
            contributions.add(tabs, content);
            Tab first = (Tab) tabs.getComponentAt(0);
            Tab chosen = bySlug.getOrDefault(wantedTab, first);
            if (tabs.getSelectedTab() == chosen) {
                showTab(chosen);
            } else {
                tabs.setSelectedTab(chosen); // the listener shows it
            }
        }
    }

    private void addTab(String label, Supplier<Component> builder) {
        String slug =
                label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        Tab existing = bySlug.get(slug);
        if (existing != null) {
            // several panels under one tab (the EU AI Act's classification, incidents, FRIA, monitoring plan), in order
            Supplier<Component> before = builders.get(existing);
            builders.put(existing, () -> {
                VerticalLayout both = new VerticalLayout(before.get(), builder.get());
                both.setPadding(false);
                return both;
            });
            return;
        }
        Tab tab = new Tab(label);
        tab.setId("system-tab-" + slug);
        tabs.add(tab);
        builders.put(tab, builder);
        bySlug.put(slug, tab);
    }

    /**
     * Shows a tab's panel, building it the first time: the page opens with its first (or deep-linked) tab only, and a
     * panel keeps its state (a grid's sort, a half-filled form) when one comes back to its tab.
     */
    private void showTab(Tab tab) {
        if (tab == null || !builders.containsKey(tab)) {
            return;
        }
        Component panel = built.computeIfAbsent(tab, t -> builders.get(t).get());
        content.removeAll();
        content.add(panel);
        content.getElement().setAttribute("aria-labelledby", tab.getId().orElse(""));
    }

    /** A tab chosen by hand goes into the address ({@code systems/7?tab=telemetry}), so it can be bookmarked. */
    private void remember(Tab tab) {
        String slug = tab.getId().orElse("").substring("system-tab-".length());
        wantedTab = slug;
        QueryParameters query =
                tab == tabs.getComponentAt(0) ? QueryParameters.empty() : QueryParameters.simple(Map.of("tab", slug));
        getUI().ifPresent(
                        ui -> ui.getPage().getHistory().replaceState(null, new Location("systems/" + shownId, query)));
    }

    private static String owners(AiSystem s) {
        String b = s.getBusinessOwner();
        String t = s.getTechnicalOwner();
        if (b == null && t == null) {
            return "none named";
        }
        return b == null || b.equalsIgnoreCase(t == null ? "" : t) ? (t == null ? b : t) : t == null ? b : b + ", " + t;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
