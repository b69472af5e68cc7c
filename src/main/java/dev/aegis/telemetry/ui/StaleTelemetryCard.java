package dev.aegis.telemetry.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.aegis.shared.Actors;
import dev.aegis.shared.ui.DashboardCard;
import dev.aegis.telemetry.TelemetryService;
import dev.aegis.telemetry.TelemetryService.StaleSystem;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The dashboard's "Stale telemetry": AI systems whose linked monitor or Prometheus source stopped answering. */
@org.springframework.stereotype.Component
class StaleTelemetryCard implements DashboardCard {

    private static final DateTimeFormatter SINCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final TelemetryService telemetry;

    StaleTelemetryCard(TelemetryService telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public int order() {
        return 43;
    }

    @Override
    public boolean visible() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    @Override
    public Component render() {
        Div card = new Div();
        card.setId("stale-telemetry-card");
        card.addClassNames("aegis-card");
        card.add(new H3("Stale telemetry"));
        List<StaleSystem> stale = telemetry.staleSystems(8);
        if (stale.isEmpty()) {
            card.add(
                    new Paragraph("Every linked telemetry source answers. Link deployments to an AI system on its page "
                            + "(section Telemetry) to watch it here."));
            return card;
        }
        Div list = new Div();
        list.setId("stale-systems");
        for (StaleSystem s : stale) {
            list.add(new Div(
                    new Anchor("systems/" + s.systemId(), s.system()),
                    new Span(" · " + s.source() + " / " + s.deployment() + " · stale since "
                            + SINCE.format(s.staleSince()))));
        }
        card.add(list);
        return card;
    }
}
