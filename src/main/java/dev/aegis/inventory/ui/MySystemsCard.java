package dev.aegis.inventory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification;
import dev.aegis.shared.Actors;
import dev.aegis.shared.ui.CardParts;
import dev.aegis.shared.ui.DashboardCard;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** A system owner's dashboard: the AI systems they own (as business or technical owner), each opening its page. */
@org.springframework.stereotype.Component
class MySystemsCard implements DashboardCard {

    static final int SHOWN = 8;
    private final AiSystemService systems;

    MySystemsCard(AiSystemService systems) {
        this.systems = systems;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public boolean visible() {
        return Actors.hasAnyRole("SYSTEM_OWNER");
    }

    @Override
    public Component render() {
        String me = Actors.current();
        Page<AiSystem> mine = systems.search(
                new AiSystemService.Filter(null, null, null, null, me), PageRequest.of(0, SHOWN, Sort.by("name")));
        Div card = CardParts.card("my-systems-card", "My AI systems");
        String register = "systems?owner=" + URLEncoder.encode(me, StandardCharsets.UTF_8);
        if (mine.isEmpty()) {
            card.add(
                    new Paragraph("No AI system names you as its business or technical owner yet."),
                    new Anchor("systems", "Open the inventory"));
            return card;
        }
        card.add(CardParts.figure(
                mine.getTotalElements(),
                mine.getTotalElements() == 1 ? "system you own" : "systems you own",
                register));
        UnorderedList list = CardParts.list("my-systems");
        for (AiSystem s : mine) {
            list.add(CardParts.item(
                    "systems/" + s.getId(),
                    s.getName(),
                    Classification.label(s.getLifecycleStage())
                            + " · EU AI Act " + Classification.label(s.getEuAiActTier())
                            + (s.getNextReview() == null ? "" : " · review " + s.getNextReview())));
        }
        card.add(list, new Anchor(register, "Show them in the inventory"));
        return card;
    }
}
