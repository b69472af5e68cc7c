package dev.aegis.risk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Band;
import dev.aegis.shared.ui.CardParts;
import dev.aegis.shared.ui.DashboardCard;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's risk figures: open risks (neither closed nor accepted) by the band of their current score, the
 * worst first; each figure opens the register filtered to exactly those risks.
 */
@org.springframework.stereotype.Component
class RiskCard implements DashboardCard {

    private final RiskService risks;

    RiskCard(RiskService risks) {
        this.risks = risks;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean visible() {
        return dev.aegis.shared.Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    @Override
    public Component render() {
        Map<Band, Long> bands = risks.openByBand();
        long open = bands.values().stream().mapToLong(Long::longValue).sum();
        Div card = CardParts.card("risk-card", "Open risks: " + open);
        if (open == 0) {
            card.add(new Paragraph("No open risks."), new Anchor("risks", "Open the risk register"));
            return card;
        }
        Div list = new Div();
        list.addClassNames("aegis-bars");
        for (Band band : Band.values()) {
            String href = register(band);
            Anchor count = new Anchor(href, String.valueOf(bands.get(band)));
            count.addClassNames(
                    "aegis-heatmap-cell", "aegis-band-" + band.name().toLowerCase(Locale.ROOT));
            Div row = new Div(new Anchor(href, band.labelWithRange()), count);
            row.addClassNames("aegis-band-row");
            list.add(row);
        }
        card.add(
                CardParts.basis("By current score (the residual once assessed, else the inherent: likelihood × "
                        + "impact); neither closed nor accepted"),
                list,
                new Anchor("risks?open=true", "Open the register at the open risks"));
        return card;
    }

    /** The register filtered to exactly the open risks of the band this card counts. */
    static String register(Band band) {
        return "risks?band=" + band.name().toLowerCase(Locale.ROOT) + "&open=true";
    }
}
