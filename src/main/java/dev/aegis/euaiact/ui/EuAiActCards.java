package dev.aegis.euaiact.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.aegis.euaiact.ActWords;
import dev.aegis.euaiact.ClassificationService;
import dev.aegis.euaiact.ClassificationService.Overview;
import dev.aegis.euaiact.IncidentService;
import dev.aegis.euaiact.IncidentService.Row;
import dev.aegis.shared.Actors;
import dev.aegis.shared.ui.CardParts;
import dev.aegis.shared.ui.DashboardCard;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The officers' EU AI Act cards: systems per tier and role with those to classify again, and incident reports overdue
 * or due soon (loudly, with their countdown).
 */
@Configuration(proxyBeanMethods = false)
class EuAiActCards {

    private static boolean officer() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    @Bean
    DashboardCard incidentsDueCard(IncidentService incidents) {
        return new Card(11, () -> {
            Div card = CardParts.card("incidents-due-card", "Incident reports due (Art. 73)");
            List<Row> due = incidents.due();
            if (due.isEmpty()) {
                card.add(new Paragraph("No serious incident waits for its report. Record incidents on an AI system's "
                        + "page (section Incidents); overdue and due-soon reports appear here."));
                return card;
            }
            UnorderedList list = CardParts.list("incidents-due");
            for (Row r : due) {
                Span standing = new Span(r.standing().label() + ": ");
                standing.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
                com.vaadin.flow.component.html.ListItem item = CardParts.item(
                        "systems/" + r.incident().getSystemId(),
                        r.incident().getReference() + " " + r.incident().getTitle(),
                        " · " + r.system() + " · " + r.countdown() + " ",
                        standing);
                // the deadline never breaks inside its date or time ("2026-12-" / "09" at 1920 px)
                Span by = new Span("(by "
                        + IncidentService.local(
                                r.incident().getDeadline(), r.incident().getAwareZone()) + ")");
                by.addClassNames("aegis-muted");
                by.getStyle().set("white-space", "nowrap");
                item.add(by);
                list.add(item);
            }
            card.add(list);
            return card;
        });
    }

    @Bean
    DashboardCard euAiActCard(ClassificationService classifications) {
        return new Card(12, () -> {
            Div card = CardParts.card("eu-ai-act-card", "EU AI Act");
            Overview o = classifications.overview();
            card.add(CardParts.heading("AI systems by tier"));
            UnorderedList tiers = CardParts.list("eu-ai-act-tiers");
            o.byTier().forEach((tier, n) -> {
                if (n > 0) {
                    tiers.add(CardParts.item("systems?tier=" + tier.name(), ActWords.tier(tier), " · " + n));
                }
            });
            card.add(tiers, CardParts.heading("By the organisation's role"));
            UnorderedList roles = CardParts.list("eu-ai-act-roles");
            o.byRole()
                    .forEach((role, n) ->
                            roles.add(new com.vaadin.flow.component.html.ListItem(ActWords.role(role) + " · " + n)));
            if (o.unclassified() > 0) {
                roles.add(CardParts.item("systems?tier=UNASSESSED", "Not classified yet", " · " + o.unclassified()));
            }
            card.add(roles);
            card.add(CardParts.heading("To classify again (" + o.reclassify().size() + ")"));
            if (o.reclassify().isEmpty()) {
                card.add(CardParts.basis(
                        "No system changed its purpose, model type or deployment since it was " + "classified."));
            } else {
                UnorderedList again = CardParts.list("eu-ai-act-reclassify");
                o.reclassify().stream()
                        .limit(6)
                        .forEach(r -> again.add(CardParts.item("systems/" + r.systemId(), r.systemName(), null)));
                card.add(again);
            }
            return card;
        });
    }

    private record Card(int order, java.util.function.Supplier<Component> body) implements DashboardCard {
        @Override
        public boolean visible() {
            return officer();
        }

        @Override
        public Component render() {
            return body.get();
        }
    }
}
