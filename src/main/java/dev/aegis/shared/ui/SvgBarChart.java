package dev.aegis.shared.ui;

import static dev.aegis.shared.ui.Svg.escape;
import static dev.aegis.shared.ui.Svg.f;
import static dev.aegis.shared.ui.Svg.label;

import java.util.List;

/**
 * A small server-rendered SVG chart of horizontal bars, one per subject (a feature, a group), with an optional
 * threshold line: bars beyond it are drawn in the alert colour.
 */
public final class SvgBarChart {

    /** One bar: its label, its value, and an optional note shown after the value (e.g. the sample size). */
    public record Bar(String label, double value, String note) {}

    private static final int WIDTH = 640;
    private static final int LEFT = 150;
    private static final int RIGHT = 90;
    private static final int TOP = 28;
    private static final int ROW = 22;
    private static final String NORMAL = "#1676f3";
    private static final String BREACH = "#d9352b";

    private SvgBarChart() {}

    /**
     * @param threshold a value above which a bar counts as a breach; null for none
     * @param empty     what the chart says when there are no bars (what to do about it)
     */
    public static String render(String title, List<Bar> bars, Double threshold, String empty) {
        int height = TOP + Math.max(1, bars.size()) * ROW + 12;
        double max = bars.stream()
                .mapToDouble(Bar::value)
                .filter(Double::isFinite)
                .max()
                .orElse(0);
        double top = Svg.niceCeiling(Math.max(max, threshold == null ? 0 : threshold));
        double plotW = WIDTH - LEFT - RIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("' class='aegis-chart' role='img' aria-label='")
                .append(escape(title))
                .append("'>");
        svg.append("<text x='8' y='14' class='aegis-chart-title'>")
                .append(escape(title))
                .append("</text>");
        if (bars.isEmpty()) {
            svg.append("<text x='")
                    .append(WIDTH / 2)
                    .append("' y='")
                    .append(TOP + 14)
                    .append("' text-anchor='middle' class='aegis-chart-empty'>")
                    .append(escape(empty))
                    .append("</text>");
            return svg.append("</svg>").toString();
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = TOP + i * ROW;
            double value = Double.isFinite(bar.value()) ? Math.max(0, bar.value()) : 0;
            double w = top == 0 ? 0 : plotW * Math.min(value, top) / top;
            boolean breach = threshold != null && value > threshold;
            svg.append("<text x='")
                    .append(LEFT - 6)
                    .append("' y='")
                    .append(f(y + 14))
                    .append("' text-anchor='end' class='aegis-chart-label'>")
                    .append(escape(bar.label()))
                    .append("</text>");
            svg.append("<rect x='")
                    .append(LEFT)
                    .append("' y='")
                    .append(f(y + 3))
                    .append("' width='")
                    .append(f(w))
                    .append("' height='")
                    .append(ROW - 6)
                    .append("' fill='")
                    .append(breach ? BREACH : NORMAL)
                    .append("'><title>")
                    .append(escape(bar.label() + ": " + label(bar.value())))
                    .append("</title></rect>");
            svg.append("<text x='")
                    .append(f(LEFT + w + 4))
                    .append("' y='")
                    .append(f(y + 14))
                    .append("' class='aegis-chart-label'>")
                    .append(Double.isFinite(bar.value()) ? label(bar.value()) : "–")
                    .append(bar.note() == null ? "" : " " + escape(bar.note()))
                    .append("</text>");
        }
        if (threshold != null) {
            double x = LEFT + plotW * threshold / top;
            svg.append("<line x1='")
                    .append(f(x))
                    .append("' x2='")
                    .append(f(x))
                    .append("' y1='")
                    .append(TOP - 4)
                    .append("' y2='")
                    .append(height - 8)
                    .append("' stroke='")
                    .append(BREACH)
                    .append("' stroke-dasharray='4 3'/><text x='")
                    .append(f(x + 3))
                    .append("' y='")
                    .append(TOP - 6)
                    .append("' class='aegis-chart-label'>")
                    .append("limit ")
                    .append(label(threshold))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }
}
