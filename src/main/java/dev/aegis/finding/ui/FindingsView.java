package dev.aegis.finding.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.aegis.finding.Finding;
import dev.aegis.finding.FindingService;
import dev.aegis.finding.FindingVocabulary.Severity;
import dev.aegis.finding.FindingVocabulary.State;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The findings register: every finding the signed-in user may read (a system owner: those of their systems), filtered
 * by state, severity and AI system — the filters live in the address ({@code findings?state=OPEN&system=12}) — in a
 * grid paged and sorted by the database; a click opens the finding.
 */
@Route("findings")
@PageTitle("Findings · Aegis")
@Menu(order = 17, icon = "vaadin:bug", title = "Findings")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "SYSTEM_OWNER"})
public class FindingsView extends VerticalLayout implements BeforeEnterObserver {

    private final transient FindingService findings;
    private final transient AiSystemService systems;
    final Grid<Finding> grid = new Grid<>(Finding.class, false);
    final ComboBox<State> state = new ComboBox<>("State", State.values());
    final ComboBox<Severity> severity = new ComboBox<>("Severity", Severity.values());
    final ComboBox<SystemRef> system = new ComboBox<>("AI system");
    /** System names of the rows on screen, fetched once per page. */
    private final Map<Long, String> systemNames = new HashMap<>();

    private boolean restoring;

    /** An AI system as the filter shows it. */
    record SystemRef(long id, String name) {}

    FindingsView(FindingService findings, AiSystemService systems) {
        this.findings = findings;
        this.systems = systems;
        setSizeFull();
        configureGrid();
        add(
                new H2("Findings"),
                new Paragraph("What the telemetry loop found: failed control tests and monitor alerts, "
                        + "one finding per cause, each with its timeline."),
                toolbar(),
                grid);
    }

    private void configureGrid() {
        grid.setId("findings-grid");
        grid.getElement().getThemeList().add("wrap-cell-content"); // long titles wrap instead of ending in "…"
        grid.addColumn(Finding::getTitle)
                .setWidth("12rem")
                .setHeader("Finding")
                .setSortProperty("title")
                .setFlexGrow(4)
                .setTooltipGenerator(Finding::getTitle);
        grid.addColumn(f -> systemNames.getOrDefault(f.getSystemId(), "a removed AI system"))
                .setHeader("AI system")
                .setWidth("8rem")
                .setFlexGrow(1);
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
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(f -> FindingLabels.when(f.getLastSeen()))
                .setHeader("Last seen")
                .setKey("lastSeen")
                .setSortProperty("lastSeen")
                .setWidth("7.5rem") // the date above the time: both timestamps fit at 1280 px
                .setFlexGrow(0);
        grid.addColumn(f -> FindingLabels.when(f.getFirstSeen()))
                .setHeader("First seen")
                .setSortProperty("firstSeen")
                .setWidth("7.5rem")
                .setFlexGrow(0);
        grid.setItems(
                query -> {
                    var page = findings.search(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query));
                    systemNames.putAll(systems.names(
                            page.stream().map(Finding::getSystemId).distinct().toList()));
                    return page.stream();
                },
                query -> (int) findings.count(filter()));
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("lastSeen"), SortDirection.DESCENDING)));
        grid.addItemClickListener(
                e -> UI.getCurrent().navigate("findings/" + e.getItem().getId()));
        grid.setEmptyStateText("No findings match. Clear a filter; findings open by themselves when a control's "
                + "telemetry test fails or a monitor alert opens on a linked AI system.");
        grid.setSizeFull();
    }

    private Component toolbar() {
        state.setId("findings-state");
        state.setItemLabelGenerator(State::label);
        severity.setId("findings-severity");
        severity.setItemLabelGenerator(Severity::label);
        system.setId("findings-system");
        system.setItemLabelGenerator(SystemRef::name);
        system.setItems(q -> systems
                .search(
                        new AiSystemService.Filter(q.getFilter().orElse(""), null, null, null, null),
                        PageRequest.of(q.getPage(), q.getPageSize(), Sort.by("name")))
                .stream()
                .map(FindingsView::ref));
        for (ComboBox<?> box : List.of(state, severity, system)) {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> filtersChanged());
        }
        HorizontalLayout bar = new HorizontalLayout(state, severity, system);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        bar.setWrap(true);
        return bar;
    }

    private static SystemRef ref(AiSystem s) {
        return new SystemRef(s.getId(), s.getName());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params =
                event.getLocation().getQueryParameters().getParameters();
        restoring = true;
        try {
            state.setValue(param(params, "state")
                    .flatMap(v -> enumValue(State.class, v))
                    .orElse(null));
            severity.setValue(param(params, "severity")
                    .flatMap(v -> enumValue(Severity.class, v))
                    .orElse(null));
            system.setValue(param(params, "system")
                    .flatMap(FindingsView::parse)
                    .flatMap(this::systemRef)
                    .orElse(null));
        } finally {
            restoring = false;
        }
        grid.getDataProvider().refreshAll();
    }

    private Optional<SystemRef> systemRef(long id) {
        return Optional.ofNullable(systems.names(List.of(id)).get(id)).map(name -> new SystemRef(id, name));
    }

    private void filtersChanged() {
        if (restoring) {
            return;
        }
        grid.getDataProvider().refreshAll();
        UI.getCurrent().getPage().getHistory().replaceState(null, new Location("findings", queryParameters()));
    }

    /** The filters in use as query parameters, for a bookmarkable address. */
    QueryParameters queryParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (state.getValue() != null) {
            p.put("state", state.getValue().name());
        }
        if (severity.getValue() != null) {
            p.put("severity", severity.getValue().name());
        }
        if (system.getValue() != null) {
            p.put("system", String.valueOf(system.getValue().id()));
        }
        return QueryParameters.simple(p);
    }

    FindingService.Filter filter() {
        return new FindingService.Filter(
                state.getValue(),
                severity.getValue(),
                system.getValue() == null ? null : system.getValue().id(),
                null);
    }

    private static Optional<String> param(Map<String, List<String>> params, String name) {
        return params.getOrDefault(name, List.of()).stream()
                .filter(v -> !v.isBlank())
                .findFirst();
    }

    private static Optional<Long> parse(String v) {
        try {
            return Optional.of(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String value) {
        try {
            return Optional.of(Enum.valueOf(type, value.trim().toUpperCase()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
