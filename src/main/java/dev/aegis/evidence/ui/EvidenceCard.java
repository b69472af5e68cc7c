package dev.aegis.evidence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.aegis.evidence.EvidenceExpiry;
import dev.aegis.evidence.EvidenceExpiry.ExpiryFigures;
import dev.aegis.evidence.EvidenceItem;
import dev.aegis.shared.Actors;
import dev.aegis.shared.ui.DashboardCard;
import java.time.LocalDate;
import java.util.List;

/** The dashboard's "Evidence expiring": how much evidence has expired or expires soon, and the first few items. */
@org.springframework.stereotype.Component
class EvidenceCard implements DashboardCard {

    private final EvidenceExpiry evidence;

    EvidenceCard(EvidenceExpiry evidence) {
        this.evidence = evidence;
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public boolean visible() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR");
    }

    @Override
    public Component render() {
        Div card = new Div();
        card.setId("evidence-card");
        card.addClassNames("aegis-card");
        ExpiryFigures f = evidence.expiryFigures();
        card.add(new H3("Evidence freshness"));
        if (f.expired() + f.expiring() == 0) {
            card.add(
                    new Paragraph("No evidence has expired or expires within " + f.windowDays() + " days."),
                    new Anchor("evidence", "Open the evidence register"));
            return card;
        }
        card.add(new Span(f.expired() + " expired, " + f.expiring() + " expiring within " + f.windowDays() + " days."));
        List<EvidenceItem> due = evidence.dueForRenewal(5);
        Div list = new Div();
        list.setId("evidence-due");
        LocalDate today = LocalDate.now();
        for (EvidenceItem i : due) {
            Anchor a = new Anchor("evidence/" + i.getId(), i.getTitle());
            Span when = new Span(
                    (i.isExpiredOn(today) ? "expired " : "expires ") + i.getExpiresOn() + " · " + i.getOwner());
            when.addClassNames("aegis-muted");
            list.add(new Div(a, new Span(" "), when));
        }
        card.add(list, new Anchor("evidence?expiring=true", "Show all expiring evidence"));
        return card;
    }
}
