package dev.aegis.risk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.aegis.risk.RiskService;
import dev.aegis.shared.ui.DashboardCard;

/** The dashboard's risk figures: open risks by residual (else inherent) band, the high ones first. */
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
        RiskService.HeatMap map = risks.heatMap(null, null);
        long[] bands = new long[4];
        long open = 0;
        for (int l = 1; l <= 5; l++) {
            for (int i = 1; i <= 5; i++) {
                long n = map.inherentAt(l, i);
                open += n;
                int score = l * i;
                bands[score >= 15 ? 0 : score >= 8 ? 1 : score >= 4 ? 2 : 3] += n;
            }
        }
        Div card = new Div();
        card.setId("risk-card");
        card.addClassNames("aegis-card");
        card.add(new H3("Open risks: " + open));
        if (open == 0) {
            card.add(new Paragraph("No open risks."), new Anchor("risks", "Open the risk register"));
            return card;
        }
        String[] names = {"Critical (15–25)", "High (8–14)", "Medium (4–7)", "Low (1–3)"};
        String[] classes = {"aegis-band-critical", "aegis-band-high", "aegis-band-medium", "aegis-band-low"};
        Div list = new Div();
        list.addClassNames("aegis-bars");
        for (int b = 0; b < 4; b++) {
            Span swatch = new Span(String.valueOf(bands[b]));
            swatch.addClassNames("aegis-heatmap-cell", classes[b]);
            Div row = new Div(new Span(names[b]), swatch);
            row.addClassNames("aegis-band-row");
            list.add(row);
        }
        card.add(
                new Span("By inherent score (likelihood × impact before controls)"),
                list,
                new Anchor("risks", "Open the risk register"));
        return card;
    }
}
