package dev.aegis.evidence.pack.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.aegis.evidence.pack.PackService;
import dev.aegis.evidence.pack.PackView;
import dev.aegis.shared.Actors;
import dev.aegis.shared.Dates;
import dev.aegis.shared.ui.CardParts;
import dev.aegis.shared.ui.DashboardCard;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

/** An auditor's dashboard: the newest evidence packs, with their framework, as-of date and state. */
@org.springframework.stereotype.Component
class RecentPacksCard implements DashboardCard {

    static final int SHOWN = 5;
    private final PackService packs;

    RecentPacksCard(PackService packs) {
        this.packs = packs;
    }

    @Override
    public int order() {
        return 36;
    }

    @Override
    public boolean visible() {
        return Actors.hasAnyRole("AUDITOR");
    }

    @Override
    public Component render() {
        Div card = CardParts.card("recent-packs-card", "Recent evidence packs");
        Page<PackView> recent = packs.list(PageRequest.of(0, SHOWN));
        if (recent.isEmpty()) {
            card.add(
                    new Paragraph("No evidence pack built yet. Pick a framework, a scope and an as-of date to build "
                            + "one."),
                    new Anchor("packs", "Build an evidence pack"));
            return card;
        }
        UnorderedList list = CardParts.list("recent-packs");
        for (PackView p : recent) {
            list.add(CardParts.item(
                    "packs",
                    p.framework() + " as of " + p.asOf(),
                    state(p) + " · requested " + Dates.minute(p.requestedAt()) + " by " + p.requestedBy()));
        }
        card.add(
                CardParts.figure(
                        recent.getTotalElements(),
                        recent.getTotalElements() == 1 ? "pack kept" : "packs kept",
                        "packs"),
                list,
                new Anchor("packs", "Open evidence packs"));
        return card;
    }

    private static String state(PackView p) {
        return switch (p.state()) {
            case "SEALED" -> "sealed";
            case "FAILED" -> "failed";
            default -> "building " + p.progress() + " %";
        };
    }
}
