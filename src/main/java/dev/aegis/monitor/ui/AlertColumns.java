package dev.aegis.monitor.ui;

import com.vaadin.flow.component.grid.Grid;
import dev.aegis.monitor.Alert;
import dev.aegis.monitor.MonitorVocabulary;
import dev.aegis.shared.MetricVocabulary;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Supplier;

/** The columns an alert list shows, on the monitor's start page and a deployment's page alike. */
final class AlertColumns {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private AlertColumns() {}

    static void add(Grid<Alert> grid, Supplier<Map<Long, String>> names) {
        if (names != null) {
            grid.addColumn(a -> names.get().getOrDefault(a.getDeploymentId(), "?"))
                    .setHeader("Deployment");
        }
        grid.addColumn(a -> MetricVocabulary.metric(a.getMetric().name(), a.getSubject()))
                .setHeader("Metric")
                .setFlexGrow(2);
        grid.addColumn(a -> MetricVocabulary.format(a.getMetric().name(), a.getLastValue()))
                .setHeader("Value")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> MetricVocabulary.format(a.getMetric().name(), a.getThreshold()))
                .setHeader("Threshold")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> MonitorVocabulary.state(a.getState()))
                .setHeader("State")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> TIME.format(a.getOpenedAt()))
                .setHeader("Opened (UTC)")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> a.getResolvedAt() == null ? "" : TIME.format(a.getResolvedAt()))
                .setHeader("Resolved (UTC)")
                .setAutoWidth(true)
                .setFlexGrow(0);
    }
}
