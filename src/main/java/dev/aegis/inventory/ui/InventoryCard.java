package dev.aegis.inventory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.ui.DashboardCard;
import java.util.Map;

/**
 * The dashboard's inventory figures: AI systems (not retired) by EU AI Act tier and by life-cycle stage, as bars; each
 * label opens the inventory filtered to it.
 */
@org.springframework.stereotype.Component
class InventoryCard implements DashboardCard {

    private final AiSystemService service;

    InventoryCard(AiSystemService service) {
        this.service = service;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean visible() {
        return dev.aegis.shared.Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    @Override
    public Component render() {
        AiSystemService.Figures figures = service.figures();
        Div card = new Div();
        card.addClassNames("aegis-card");
        card.setId("inventory-card");
        card.add(new H3("AI systems: " + figures.total()));
        if (figures.total() == 0) {
            card.add(new Paragraph("No AI systems yet."), new Anchor("systems", "Register the first one"));
            return card;
        }
        card.add(
                new Span("By EU AI Act tier"),
                bars(figures.byTier(), "tier"),
                new Span("By life-cycle stage"),
                bars(figures.byStage(), "stage"),
                new Anchor("systems", "Open the inventory"));
        return card;
    }

    /** Plain HTML bars: readable without script, and screen readers get the numbers as text. */
    private static Div bars(Map<? extends Enum<?>, Long> counts, String filter) {
        long max = Math.max(
                1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        Div list = new Div();
        list.addClassNames("aegis-bars");
        counts.forEach((key, count) -> {
            Div row = new Div();
            row.addClassNames("aegis-bar-row");
            Anchor label = new Anchor("systems?" + filter + "=" + key.name(), AiSystemForm.label(key));
            label.addClassNames("aegis-bar-label");
            Div bar = new Div();
            bar.addClassNames("aegis-bar", "aegis-bar-" + key.name().toLowerCase());
            bar.getStyle().set("width", (100 * count / max) + "%");
            Span value = new Span(String.valueOf(count));
            value.addClassNames("aegis-bar-value");
            Div track = new Div(bar);
            track.addClassNames("aegis-bar-track");
            row.add(label, track, value);
            list.add(row);
        });
        return list;
    }
}
