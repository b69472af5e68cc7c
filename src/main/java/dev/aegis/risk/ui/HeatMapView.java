package dev.aegis.risk.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import dev.aegis.risk.RiskService;

/**
 * The 5×5 risk matrix as a plain HTML table: likelihood rows (5 at the top), impact columns, each cell the number of
 * open risks, coloured by the cell's score band. Readable without script; screen readers get the counts as text.
 */
class HeatMapView extends Div {

    HeatMapView() {
        addClassNames("aegis-heatmaps");
    }

    void show(RiskService.HeatMap map) {
        removeAll();
        add(
                matrix("Inherent risk", map.inherent(), "heatmap-inherent"),
                matrix("Residual risk", map.residual(), "heatmap-residual"));
    }

    private static Div matrix(String title, long[][] counts, String id) {
        Div box = new Div();
        box.setId(id);
        box.addClassNames("aegis-heatmap-box");
        box.add(new H3(title));
        Div grid = new Div();
        grid.addClassNames("aegis-heatmap");
        for (int likelihood = 5; likelihood >= 1; likelihood--) {
            Span axis = new Span(String.valueOf(likelihood));
            axis.addClassNames("aegis-heatmap-axis");
            grid.add(axis);
            for (int impact = 1; impact <= 5; impact++) {
                long n = counts[likelihood - 1][impact - 1];
                Span cell = new Span(n == 0 ? "" : String.valueOf(n));
                cell.addClassNames("aegis-heatmap-cell", band(likelihood * impact));
                cell.getElement()
                        .setAttribute(
                                "title", "likelihood " + likelihood + " × impact " + impact + ": " + n + " risk(s)");
                grid.add(cell);
            }
        }
        grid.add(new Span(""));
        for (int impact = 1; impact <= 5; impact++) {
            Span axis = new Span(String.valueOf(impact));
            axis.addClassNames("aegis-heatmap-axis");
            grid.add(axis);
        }
        Span legend = new Span("Rows: likelihood · columns: impact");
        legend.addClassNames("aegis-heatmap-legend");
        box.add(grid, legend);
        return box;
    }

    static String band(int score) {
        return score >= 15
                ? "aegis-band-critical"
                : score >= 8 ? "aegis-band-high" : score >= 4 ? "aegis-band-medium" : "aegis-band-low";
    }
}
