package dev.aegis.inventory.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification;
import dev.aegis.inventory.ScopeService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
    private String title = "AI system · Aegis";

    AiSystemPage(AiSystemService systems, ScopeService scopes, ObjectProvider<SystemPagePanel> panels) {
        this.systems = systems;
        this.scopes = scopes;
        this.panels = panels;
        setId("system-page");
        summary.setId("system-summary");
        edit.setId("edit-system");
        contributions.setWidthFull();
        add(
                new HorizontalLayout(new RouterLink("← All AI systems", AiSystemsView.class)),
                name,
                summary,
                edit,
                contributions);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        AiSystem system;
        try {
            system = systems.get(id);
        } catch (NotFoundException e) {
            name.setText("No such AI system");
            summary.setText("There is no AI system " + id + ". Find it in the inventory.");
            edit.setVisible(false);
            contributions.removeAll();
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
        edit.setText(systems.mayEdit(s.getId()) ? "Edit the details" : "Show all details");
        edit.setRoute(AiSystemsView.class);
        edit.setQueryParameters(QueryParameters.simple(Map.of("system", String.valueOf(s.getId()))));
        contributions.removeAll();
        if (scopes.mayDecide() || systems.mayEdit(s.getId()) || Actors.hasAnyRole("AUDITOR")) {
            Details scope = new Details("Scope: the requirements that apply");
            // built when opened: the scope lists hundreds of requirements most visits never unfold
            long systemId = s.getId();
            scope.addOpenedChangeListener(e -> {
                if (e.isOpened() && scope.getContent().findAny().isEmpty()) {
                    scope.add(new ScopePanel(scopes, systemId));
                }
            });
            scope.setId("system-scope");
            scope.setWidthFull();
            contributions.add(scope);
        }
        panels.orderedStream()
                .sorted(Comparator.comparingInt(SystemPagePanel::order))
                .filter(p -> p.visible(s.getId()))
                .forEach(p -> contributions.add(p.render(s.getId())));
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
