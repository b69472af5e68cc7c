package dev.aegis.aims.ui;

import dev.aegis.aims.ObjectiveService;
import dev.aegis.aims.ObjectiveService.ObjectiveView;
import dev.aegis.aims.ObjectiveService.Value;
import dev.aegis.shared.Dates;
import dev.aegis.shared.ui.Svg;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An objective's indicator over time against its target, as a server-rendered SVG: the values as a line with a dot
 * per day measured, the target as a dashed line, a value axis from zero with round ticks (0–100 for percentages) and
 * ISO dates under the time axis, never more labels than fit.
 */
final class ObjectiveChart {

    static final String VALUE_COLOR = "#1676f3";
    static final String TARGET_COLOR = "#2e8540";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 28;

    private ObjectiveChart() {}

    static String render(ObjectiveView o, List<Value> values) {
        boolean percent = "%".equals(o.unit());
        double max = Math.max(
                o.target(), values.stream().mapToDouble(Value::value).max().orElse(0));
        double[] ticks = percent ? new double[] {0, 25, 50, 75, 100} : Svg.ticks(max, 4, true);
        double top = Math.max(ticks[ticks.length - 1], 1e-9);
        double step = ticks.length > 1 ? ticks[1] : 1;
        double min = Math.min(0, values.stream().mapToDouble(Value::value).min().orElse(0));
        LocalDate from = values.isEmpty() ? LocalDate.now() : values.getFirst().measuredOn();
        LocalDate to = values.isEmpty() ? from : values.getLast().measuredOn();
        if (ChronoUnit.DAYS.between(from, to) < 6) { // a week at least, so a few days are not stretched edge to edge
            to = from.plusDays(6);
        }
        double span = ChronoUnit.DAYS.between(from, to);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        String title = (o.indicator().isComputed() ? o.indicator().label() : o.title()) + " (" + o.unit() + ")";
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("' class='aegis-chart' role='img' aria-label='")
                .append(Svg.escape(o.reference() + ": " + title + ", target " + o.targetText()))
                .append("'>");
        svg.append("<text x='")
                .append(LEFT)
                .append("' y='14' class='aegis-chart-title'>")
                .append(Svg.escape(title))
                .append("</text>");
        for (double tick : ticks) {
            double y = y(tick, top, plotH);
            svg.append("<line x1='")
                    .append(LEFT)
                    .append("' x2='")
                    .append(WIDTH - RIGHT)
                    .append("' y1='")
                    .append(Svg.f(y))
                    .append("' y2='")
                    .append(Svg.f(y))
                    .append("' class='aegis-chart-grid'/>");
            svg.append("<text x='")
                    .append(LEFT - 6)
                    .append("' y='")
                    .append(Svg.f(y + 4))
                    .append("' text-anchor='end' class='aegis-chart-label'>")
                    .append(Svg.tick(tick, step))
                    .append("</text>");
        }
        // date labels: ISO days spread evenly, as many as fit with room between them (a label is about 73 px wide)
        long days = Math.max(1, (long) span);
        int labels = (int) Math.max(2, Math.min(days + 1, Math.floor(plotW / (Svg.labelWidth(10) * 1.7))));
        long lastDay = -1;
        for (int i = 0; i < labels; i++) {
            long d = Math.round((double) days * i / (labels - 1));
            if (d == lastDay) {
                continue;
            }
            lastDay = d;
            double x = LEFT + plotW * d / Math.max(1, span);
            String anchor = i == 0 ? "start" : i == labels - 1 ? "end" : "middle";
            svg.append("<text x='")
                    .append(Svg.f(x))
                    .append("' y='")
                    .append(HEIGHT - 8)
                    .append("' text-anchor='")
                    .append(anchor)
                    .append("' class='aegis-chart-label'>")
                    .append(Dates.day(from.plusDays(d)))
                    .append("</text>");
        }
        // legend
        String targetName = "Target " + o.targetText();
        int legendX = WIDTH - RIGHT - (int) Svg.labelWidth(targetName.length()) - 14;
        svg.append(legend(legendX, TARGET_COLOR, targetName, true));
        legendX -= (int) Svg.labelWidth("Value".length()) + 24;
        svg.append(legend(legendX, VALUE_COLOR, "Value", false));
        // the target
        double ty = y(o.target(), top, plotH);
        svg.append("<line x1='")
                .append(LEFT)
                .append("' x2='")
                .append(WIDTH - RIGHT)
                .append("' y1='")
                .append(Svg.f(ty))
                .append("' y2='")
                .append(Svg.f(ty))
                .append("' stroke='")
                .append(TARGET_COLOR)
                .append("' stroke-width='2' stroke-dasharray='6 4'/>");
        if (values.isEmpty()) {
            svg.append("<text x='")
                    .append(LEFT + plotW / 2)
                    .append("' y='")
                    .append(TOP + plotH / 2 - 8)
                    .append("' text-anchor='middle' class='aegis-chart-empty'>")
                    .append(Svg.escape(
                            o.indicator().isComputed()
                                    ? "No value yet: record now, or wait for the daily record"
                                    : "No value yet: record the first value measured"))
                    .append("</text>");
        } else {
            StringBuilder points = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (Value v : values) {
                double x = LEFT + plotW * ChronoUnit.DAYS.between(from, v.measuredOn()) / Math.max(1, span);
                double y = y(Math.max(min, v.value()), top, plotH);
                points.append(points.isEmpty() ? "" : " ")
                        .append(Svg.f(x))
                        .append(',')
                        .append(Svg.f(y));
                dots.append("<circle r='3' cx='")
                        .append(Svg.f(x))
                        .append("' cy='")
                        .append(Svg.f(y))
                        .append("' fill='")
                        .append(VALUE_COLOR)
                        .append("'><title>")
                        .append(Dates.day(v.measuredOn()))
                        .append(": ")
                        .append(Svg.escape(ObjectiveService.figure(v.value(), o.unit())))
                        .append("</title></circle>");
            }
            svg.append("<polyline fill='none' stroke-width='2' stroke='")
                    .append(VALUE_COLOR)
                    .append("' points='")
                    .append(points)
                    .append("'/>")
                    .append(dots);
        }
        return svg.append("</svg>").toString();
    }

    private static double y(double value, double top, double plotH) {
        return TOP + plotH - plotH * Math.min(value, top) / top;
    }

    private static String legend(int x, String color, String name, boolean dashed) {
        return "<line x1='" + x + "' x2='" + (x + 12) + "' y1='11' y2='11' stroke='" + color + "' stroke-width='2'"
                + (dashed ? " stroke-dasharray='4 2'" : "") + "/><text x='" + (x + 16)
                + "' y='15' class='aegis-chart-label'>" + Svg.escape(name) + "</text>";
    }
}
