package dev.aegis.framework.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.framework.FrameworkSources;
import jakarta.annotation.security.RolesAllowed;

/** What Aegis is built on: the framework sources it ships, with their licences and attributions. */
@Route("about")
@PageTitle("About · Aegis")
@Menu(order = 99, icon = "vaadin:info-circle", title = "About")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class AboutView extends VerticalLayout {

    AboutView(FrameworkSources sources) {
        setId("about");
        add(new H2("About Aegis"),
                new Paragraph("Aegis is an open-source AI governance register. It maps AI systems, risks, controls, "
                        + "vendors and evidence to public frameworks. These are the framework sources it ships with:"));
        for (FrameworkSources.Source s : sources.all()) {
            add(card(s));
        }
    }

    private static Div card(FrameworkSources.Source s) {
        Div card = new Div();
        card.addClassNames("aegis-card");
        card.add(new H3(s.name()));
        if (!s.publisher().isBlank() || !s.version().isBlank()) {
            card.add(new Paragraph(String.join(" · ", s.publisher(), s.version()).replaceAll("^ · | · $", "")));
        }
        if (!s.url().isBlank()) {
            Anchor link = new Anchor(s.url(), s.url());
            link.setTarget("_blank");
            link.getElement().setAttribute("rel", "noopener noreferrer");
            card.add(new Div(link));
        }
        card.add(new Paragraph(new Span("Licence: "), new Span(s.licence())));
        if (!s.attribution().isBlank()) {
            card.add(new Paragraph(new Span("Attribution: "), new Span(s.attribution())));
        }
        if (!s.provenance().isBlank()) {
            card.add(new Paragraph("Taken from: " + s.provenance()));
        }
        return card;
    }
}
