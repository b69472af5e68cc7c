package dev.aegis.evidence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.aegis.evidence.EvidenceExpiry;
import dev.aegis.evidence.EvidenceItem;
import dev.aegis.shared.Actors;
import dev.aegis.shared.ui.CardParts;
import dev.aegis.shared.ui.DashboardCard;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** A system owner's dashboard: the evidence they own that has expired or expires soon, soonest first. */
@org.springframework.stereotype.Component
class MyEvidenceCard implements DashboardCard {

    static final int SHOWN = 8;
    private static final int READ = 500;
    private final EvidenceExpiry evidence;
    private final Clock clock;

    MyEvidenceCard(EvidenceExpiry evidence, Clock clock) {
        this.evidence = evidence;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 4;
    }

    @Override
    public boolean visible() {
        return Actors.hasAnyRole("SYSTEM_OWNER");
    }

    @Override
    public Component render() {
        String me = Actors.current();
        List<EvidenceItem> due = evidence.dueForRenewal(READ).stream()
                .filter(i -> me.equalsIgnoreCase(i.getOwner()))
                .toList();
        Div card = CardParts.card("my-evidence-card", "My evidence due");
        if (due.isEmpty()) {
            card.add(
                    new Paragraph(
                            "None of your evidence has expired or expires within " + evidence.warningDays() + " days."),
                    new Anchor("evidence", "Open the evidence register"));
            return card;
        }
        card.add(
                CardParts.figure(
                        due.size(),
                        "expired or expiring within " + evidence.warningDays() + " days",
                        "evidence?expiring=true"),
                CardParts.basis("By each item's expiry date, soonest first"));
        UnorderedList list = CardParts.list("my-evidence");
        LocalDate today = LocalDate.now(clock);
        for (EvidenceItem i : due.stream().limit(SHOWN).toList()) {
            list.add(CardParts.item(
                    "evidence/" + i.getId(),
                    i.getTitle(),
                    (i.isExpiredOn(today) ? "expired " : "expires ") + i.getExpiresOn()));
        }
        card.add(list, new Anchor("evidence?expiring=true", "All expiring evidence"));
        return card;
    }
}
