package dev.aegis.monitor.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.aegis.monitor.Alert;
import dev.aegis.monitor.AlertService;
import dev.aegis.monitor.DeploymentService;
import dev.aegis.monitor.WhenMonitorEnabled;
import dev.aegis.shared.Actors;
import dev.aegis.shared.ui.DashboardCard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The dashboard's monitor figures: deployments watched and alerts open. With AEGIS_MODE=monitor it is the dashboard's
 * only card, so the stand-alone monitor's landing page speaks of models, not of a register it does not have.
 */
@org.springframework.stereotype.Component
@WhenMonitorEnabled
class MonitorCard implements DashboardCard {

    private static final int MOST_ALERTS_COUNTED = 100;
    private final DeploymentService deployments;
    private final AlertService alerts;
    private final Clock clock;

    MonitorCard(DeploymentService deployments, AlertService alerts, Clock clock) {
        this.deployments = deployments;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean visible() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR");
    }

    @Override
    public Component render() {
        Div card = new Div();
        card.setId("monitor-card");
        card.addClassNames("aegis-card");
        int watched = deployments.list().size();
        card.add(new H3("Monitor: " + watched + (watched == 1 ? " deployment" : " deployments")));
        if (watched == 0) {
            card.add(new Paragraph("No model is watched yet. Register a deployment on the Monitor screen, or over "
                    + "the API with a monitor token, and send its predictions."));
        } else {
            Instant now = clock.instant();
            int open = alerts.alerts(
                            null,
                            Alert.State.OPEN,
                            now.minus(Duration.ofDays(30)),
                            now.plusSeconds(1),
                            MOST_ALERTS_COUNTED)
                    .size();
            String count = open >= MOST_ALERTS_COUNTED ? MOST_ALERTS_COUNTED + " or more" : Integer.toString(open);
            card.add(new Span(count + (open == 1 ? " alert open" : " alerts open") + " in the last 30 days."));
        }
        card.add(new Anchor("monitor", "Open the monitor"));
        return card;
    }
}
