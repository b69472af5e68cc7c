package dev.aegis.shared.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;

/** Where everyone lands after signing in. */
@Route("")
@PageTitle("Dashboard · Aegis")
@Menu(order = 0, icon = "vaadin:dashboard", title = "Dashboard")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class DashboardView extends VerticalLayout {

    DashboardView(AuthenticationContext authentication, List<DashboardCard> cards) {
        setId("dashboard");
        add(new H2("Welcome, " + authentication.getPrincipalName().orElse("")));
        List<DashboardCard> visible = cards.stream()
                .filter(DashboardCard::visible)
                .sorted(Comparator.comparingInt(DashboardCard::order))
                .toList();
        if (visible.isEmpty()) {
            add(new Paragraph("Nothing to show yet. Register your first AI system, and its risks, controls and "
                    + "telemetry will appear here."));
        } else {
            Div grid = new Div();
            grid.addClassNames("aegis-cards");
            visible.forEach(card -> grid.add(card.render()));
            add(grid);
        }
    }
}
