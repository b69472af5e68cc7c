package dev.aegis.monitor.ui;

import com.vaadin.flow.component.grid.Grid;
import dev.aegis.monitor.Alert;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The columns an alert list shows, on the monitor's start page and a deployment's page alike. */
final class AlertColumns {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private AlertColumns() {
    }

    static void add(Grid<Alert> grid, Supplier<Map<Long, String>> names) {
        if (names != null) {
            grid.addColumn(a -> names.get().getOrDefault(a.getDeploymentId(), "?")).setHeader("Deployment");
        }
        grid.addColumn(a -> a.getMetric() + (a.getSubject() == null ? "" : " (" + a.getSubject() + ")"))
                .setHeader("Metric").setFlexGrow(2);
        grid.addColumn(a -> String.format(Locale.ROOT, "%.4g", a.getLastValue())).setHeader("Value");
        grid.addColumn(a -> String.format(Locale.ROOT, "%.4g", a.getThreshold())).setHeader("Threshold");
        grid.addColumn(Alert::getState).setHeader("State");
        grid.addColumn(a -> TIME.format(a.getOpenedAt())).setHeader("Opened (UTC)");
        grid.addColumn(a -> a.getResolvedAt() == null ? "" : TIME.format(a.getResolvedAt())).setHeader("Resolved (UTC)");
    }
}
