package dev.aegis.risk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.aegis.inventory.Classification;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Status;
import dev.aegis.shared.Actors;
import dev.aegis.shared.ui.CardParts;
import dev.aegis.shared.ui.DashboardCard;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.domain.PageRequest;

/**
 * A system owner's dashboard: the risks they own that are not closed or accepted, worst first by the current score
 * (the residual once assessed, else the inherent), each opening the risk in the register.
 */
@org.springframework.stereotype.Component
class MyRisksCard implements DashboardCard {

    static final int SHOWN = 8;
    private static final int READ = 200;
    private final RiskService risks;

    MyRisksCard(RiskService risks) {
        this.risks = risks;
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    public boolean visible() {
        return Actors.hasAnyRole("SYSTEM_OWNER");
    }

    static int current(Risk r) {
        return r.getResidualScore() == null ? r.getInherentScore() : r.getResidualScore();
    }

    @Override
    public Component render() {
        String me = Actors.current();
        List<Risk> open = risks
                .search(new RiskService.Filter(null, null, me, null, null, null, null), PageRequest.of(0, READ))
                .stream()
                .filter(r -> r.getStatus() != Status.CLOSED && r.getStatus() != Status.ACCEPTED)
                .sorted(Comparator.comparingInt(MyRisksCard::current).reversed())
                .toList();
        Div card = CardParts.card("my-risks-card", "My open risks");
        String register = "risks?owner=" + URLEncoder.encode(me, StandardCharsets.UTF_8);
        if (open.isEmpty()) {
            card.add(new Paragraph("You own no open risk."), new Anchor(register, "Open your risks in the register"));
            return card;
        }
        long high =
                open.stream().filter(r -> current(r) >= RiskService.HIGH_SCORE).count();
        card.add(
                CardParts.figure(open.size(), open.size() == 1 ? "open risk" : "open risks", register),
                CardParts.basis(high + " with a current score of " + RiskService.HIGH_SCORE + " or more (residual once "
                        + "assessed, else inherent); worst first"));
        UnorderedList list = CardParts.list("my-risks");
        for (Risk r : open.stream().limit(SHOWN).toList()) {
            Span score = new Span(String.valueOf(current(r)));
            score.addClassNames("aegis-heatmap-cell", HeatMapView.band(current(r)), "aegis-score");
            score.getElement()
                    .setAttribute(
                            "title",
                            r.getResidualScore() == null
                                    ? "inherent score (not assessed yet)"
                                    : "residual score; inherent " + r.getInherentScore());
            list.add(CardParts.item(
                    "risks?risk=" + r.getId(), r.getTitle(), Classification.label(r.getStatus()), score));
        }
        card.add(list, new Anchor(register, "All my risks"));
        return card;
    }
}
