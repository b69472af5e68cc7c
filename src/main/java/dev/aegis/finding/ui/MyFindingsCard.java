package dev.aegis.finding.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.aegis.finding.Finding;
import dev.aegis.finding.FindingService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.ui.CardParts;
import dev.aegis.shared.ui.DashboardCard;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

/** A system owner's dashboard: the open findings on their systems (the service shows an owner only theirs). */
@org.springframework.stereotype.Component
class MyFindingsCard implements DashboardCard {

    static final int SHOWN = 6;
    private final FindingService findings;

    MyFindingsCard(FindingService findings) {
        this.findings = findings;
    }

    @Override
    public int order() {
        return 3;
    }

    @Override
    public boolean visible() {
        return Actors.hasAnyRole("SYSTEM_OWNER") && !Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    @Override
    public Component render() {
        Page<Finding> open =
                findings.search(new FindingService.Filter(null, null, null, true), PageRequest.of(0, SHOWN));
        Div card = CardParts.card("my-findings-card", "My open findings");
        if (open.isEmpty()) {
            card.add(
                    new Paragraph("No open finding on your systems: every breach so far is resolved or accepted."),
                    new Anchor("findings", "Open the findings register"));
            return card;
        }
        card.add(CardParts.figure(
                open.getTotalElements(),
                open.getTotalElements() == 1 ? "open or investigating" : "open or investigating",
                "findings?state=OPEN"));
        UnorderedList list = CardParts.list("my-findings");
        for (Finding f : open) {
            list.add(CardParts.item(
                    "findings/" + f.getId(),
                    f.getTitle(),
                    f.getSeverity().label() + " · " + f.getState().label()));
        }
        card.add(list, new Anchor("findings?state=OPEN", "All open findings"));
        return card;
    }
}
