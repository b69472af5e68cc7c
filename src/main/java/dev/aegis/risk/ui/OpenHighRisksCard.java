package dev.aegis.risk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.aegis.inventory.Classification;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Band;
import dev.aegis.shared.ui.DashboardCard;
import java.util.List;

/**
 * The dashboard's open critical risks: not closed or accepted, whose current score (the residual once assessed, else the
 * inherent) is 15 or more, the ten worst first, each a link that opens the risk in the register.
 */
@org.springframework.stereotype.Component
class OpenHighRisksCard implements DashboardCard {

    static final int SHOWN = 10;
    private final RiskService risks;

    OpenHighRisksCard(RiskService risks) {
        this.risks = risks;
    }

    @Override
    public int order() {
        return 21;
    }

    @Override
    public boolean visible() {
        return dev.aegis.shared.Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    @Override
    public Component render() {
        List<Risk> high = risks.openHighRisks(SHOWN);
        Div card = new Div();
        card.setId("high-risks-card");
        card.addClassNames("aegis-card");
        card.add(new H3("Open critical risks"));
        if (high.isEmpty()) {
            card.add(
                    new Paragraph("No open risk scores " + RiskService.HIGH_SCORE + " or more: nothing critical to "
                            + "deal with first."),
                    new Anchor("risks", "Open the risk register"));
            return card;
        }
        OrderedList list = new OrderedList();
        list.addClassNames("aegis-high-risks");
        for (Risk r : high) {
            int now = r.getResidualScore() == null ? r.getInherentScore() : r.getResidualScore();
            Span score = new Span(String.valueOf(now));
            score.addClassNames("aegis-heatmap-cell", HeatMapView.band(now));
            score.getElement()
                    .setAttribute(
                            "title",
                            (r.getResidualScore() == null
                                    ? "inherent score (not assessed yet)"
                                    : "residual score; inherent " + r.getInherentScore()));
            Anchor link = new Anchor("risks?risk=" + r.getId(), r.getTitle());
            Span meta = new Span(Classification.label(r.getStatus()) + " · " + r.getOwner());
            meta.addClassNames("aegis-muted");
            list.add(new ListItem(score, link, meta));
        }
        long all = risks.openByBand().get(Band.CRITICAL);
        card.add(
                dev.aegis.shared.ui.CardParts.basis("Current score " + RiskService.HIGH_SCORE + "–25 (residual once "
                        + "assessed, else inherent), not closed or accepted; worst first"),
                list,
                new Anchor(
                        RiskCard.register(Band.CRITICAL),
                        all > SHOWN ? "All " + all + " open critical risks" : "Open them in the register"),
                new Anchor("risks?status=IDENTIFIED", "Risks still to assess"));
        return card;
    }
}
