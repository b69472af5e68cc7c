package dev.aegis.finding.ui;

import dev.aegis.finding.FindingService.DayCount;
import dev.aegis.finding.FindingVocabulary.OccurrenceKind;
import dev.aegis.finding.Occurrence;
import dev.aegis.shared.ui.Svg;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Server-rendered SVG charts of the findings register (no frontend bundle, no script): a finding's figure against its
 * threshold over time, bars of open findings per severity, and breaches per day. Each carries an aria-label and a
 * title per mark, so the numbers are there for a screen reader and on hover.
 */
final class FindingCharts {

    static final String BREACH = "#c62828";
    static final String RECOVERY = "#2e7d32";
    static final String THRESHOLD = "#6d4c41";
    private static final int WIDTH = 640;
    /** The finding page's timeline spans the page: a wider drawing keeps its text the size of the other charts'. */
    private static final int TIMELINE_WIDTH = 1100;

    private static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 30;
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private FindingCharts() {}

    /** The figure of each occurrence over time, the threshold as a dashed line; breaches red, recoveries green. */
    static String timeline(String title, List<Occurrence> points, Double threshold) {
        List<Occurrence> measured =
                points.stream().filter(o -> o.getFigure() != null).toList();
        int width = TIMELINE_WIDTH;
        StringBuilder svg = open(title, width);
        if (measured.isEmpty()) {
            return empty(svg, "No figures recorded yet", width);
        }
        double max = Math.max(
                threshold == null ? 0 : threshold,
                measured.stream().mapToDouble(Occurrence::getFigure).max().orElse(0));
        double min = Math.min(
                0,
                Math.min(
                        threshold == null ? 0 : threshold,
                        measured.stream()
                                .mapToDouble(Occurrence::getFigure)
                                .min()
                                .orElse(0)));
        boolean whole = measured.stream().allMatch(o -> o.getFigure() == Math.rint(o.getFigure()))
                && (threshold == null || threshold == Math.rint(threshold));
        Instant from = measured.getFirst().getAt();
        Instant to = measured.getLast().getAt();
        double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        double plotW = width - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double top = yAxis(svg, min, max, plotH, whole, width);
        int labels = measured.size() == 1 || span <= 1 ? 1 : 4;
        for (int i = 0; i < labels; i++) {
            Instant at =
                    labels == 1 ? from : Instant.ofEpochMilli(from.toEpochMilli() + (long) (span * i / (labels - 1)));
            double x = labels == 1 ? LEFT + plotW / 2 : LEFT + plotW * i / (labels - 1);
            String anchor = labels == 1 ? "middle" : i == 0 ? "start" : i == labels - 1 ? "end" : "middle";
            svg.append("<text x='")
                    .append(f(x))
                    .append("' y='")
                    .append(HEIGHT - 10)
                    .append("' text-anchor='")
                    .append(anchor)
                    .append("' class='aegis-chart-label'>")
                    .append(DAY_TIME.format(at))
                    .append("</text>");
        }
        if (threshold != null) {
            double y = y(threshold, min, top, plotH);
            svg.append("<line x1='")
                    .append(LEFT)
                    .append("' x2='")
                    .append(width - RIGHT)
                    .append("' y1='")
                    .append(f(y))
                    .append("' y2='")
                    .append(f(y))
                    .append("' stroke='")
                    .append(THRESHOLD)
                    .append("' stroke-dasharray='6 4' stroke-width='1.5'><title>threshold ")
                    .append(label(threshold))
                    .append("</title></line>");
        }
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (Occurrence o : measured) {
            double x = measured.size() == 1
                    ? LEFT + plotW / 2
                    : LEFT + plotW * (o.getAt().toEpochMilli() - from.toEpochMilli()) / span;
            double y = y(o.getFigure(), min, top, plotH);
            path.append(path.isEmpty() ? "" : " ").append(f(x)).append(',').append(f(y));
            String color = o.getKind() == OccurrenceKind.BREACH ? BREACH : RECOVERY;
            dots.append("<circle r='4' cx='")
                    .append(f(x))
                    .append("' cy='")
                    .append(f(y))
                    .append("' fill='")
                    .append(color)
                    .append("'><title>")
                    .append(o.getKind() == OccurrenceKind.BREACH ? "breach " : "recovery ")
                    .append(label(o.getFigure()))
                    .append(" at ")
                    .append(DAY_TIME.format(o.getAt()))
                    .append(" UTC")
                    .append("</title></circle>");
        }
        svg.append("<polyline fill='none' stroke='var(--lumo-secondary-text-color, #888)' stroke-width='1.5' points='")
                .append(path)
                .append("'/>")
                .append(dots);
        legend(svg, width, List.of(new String[] {"breach", BREACH}, new String[] {"recovery", RECOVERY}, new String[] {
            "threshold", THRESHOLD
        }));
        return svg.append("</svg>").toString();
    }

    /** One bar per label, with its count. */
    record Bar(String label, long value, String color) {}

    static String bars(String title, List<Bar> bars) {
        StringBuilder svg = open(title, WIDTH);
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double top = yAxis(svg, 0, max, plotH, true, WIDTH);
        double slot = plotW / Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double h = plotH * b.value() / top;
            double x = LEFT + slot * i + slot * 0.2;
            svg.append("<rect x='")
                    .append(f(x))
                    .append("' y='")
                    .append(f(TOP + plotH - h))
                    .append("' width='")
                    .append(f(slot * 0.6))
                    .append("' height='")
                    .append(f(h))
                    .append("' fill='")
                    .append(b.color())
                    .append("'><title>")
                    .append(escape(b.label()))
                    .append(": ")
                    .append(b.value())
                    .append("</title></rect>");
            svg.append("<text x='")
                    .append(f(x + slot * 0.3))
                    .append("' y='")
                    .append(HEIGHT - 10)
                    .append("' text-anchor='middle' class='aegis-chart-label'>")
                    .append(escape(b.label()))
                    .append(" (")
                    .append(b.value())
                    .append(")</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** Breaches per day as columns, the oldest day on the left. */
    static String daily(String title, List<DayCount> days) {
        StringBuilder svg = open(title, WIDTH);
        long max = days.stream().mapToLong(DayCount::breaches).max().orElse(0);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double top = yAxis(svg, 0, Math.max(1, max), plotH, true, WIDTH);
        double slot = plotW / Math.max(1, days.size());
        int every = Math.max(Svg.every(slot, Svg.labelWidth(10)), 7); // a week apart, never touching
        for (int i = 0; i < days.size(); i++) {
            DayCount d = days.get(i);
            double h = plotH * d.breaches() / top;
            double x = LEFT + slot * i + 1;
            svg.append("<rect x='")
                    .append(f(x))
                    .append("' y='")
                    .append(f(TOP + plotH - h))
                    .append("' width='")
                    .append(f(Math.max(1, slot - 2)))
                    .append("' height='")
                    .append(f(h))
                    .append("' fill='")
                    .append(BREACH)
                    .append("'><title>")
                    .append(d.day())
                    .append(": ")
                    .append(d.breaches())
                    .append(d.breaches() == 1 ? " breach" : " breaches")
                    .append("</title></rect>");
            int fromEnd = days.size() - 1 - i;
            if (fromEnd % every == 0) { // counted from today, so today is always labelled
                // today's label ends at the chart's edge instead of running past it
                svg.append("<text x='")
                        .append(f(fromEnd == 0 ? x + slot : x + slot / 2))
                        .append("' y='")
                        .append(HEIGHT - 10)
                        .append("' text-anchor='")
                        .append(fromEnd == 0 ? "end" : "middle")
                        .append("' class='aegis-chart-label'>")
                        .append(DAY.format(d.day()))
                        .append("</text>");
            }
        }
        if (max == 0) {
            svg.append("<text x='")
                    .append(WIDTH / 2)
                    .append("' y='")
                    .append(HEIGHT / 2)
                    .append("' text-anchor='middle' class='aegis-chart-empty'>No breaches in this period</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int width) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ")
                .append(width)
                .append(' ')
                .append(HEIGHT)
                .append("' class='aegis-chart' role='img' aria-label='")
                .append(escape(title))
                .append("'>");
        svg.append("<text x='")
                .append(LEFT)
                .append("' y='16' class='aegis-chart-title'>")
                .append(escape(title))
                .append("</text>");
        return svg;
    }

    private static String empty(StringBuilder svg, String text, int width) {
        return svg.append("<text x='")
                .append(width / 2)
                .append("' y='")
                .append(HEIGHT / 2)
                .append("' text-anchor='middle' class='aegis-chart-empty'>")
                .append(escape(text))
                .append("</text></svg>")
                .toString();
    }

    /**
     * Grid lines and labels from {@code min} up to a round value at least {@code max} (whole steps for counts);
     * answers that top value.
     */
    private static double yAxis(StringBuilder svg, double min, double max, double plotH, boolean whole, int width) {
        double[] ticks = Svg.ticks(max - min, 4, whole);
        double top = min + ticks[ticks.length - 1];
        double step = ticks.length > 1 ? ticks[1] : 1;
        for (double tick : ticks) {
            double v = min + tick;
            double y = TOP + plotH - (top == min ? 0 : plotH * tick / (top - min));
            svg.append("<line x1='")
                    .append(LEFT)
                    .append("' x2='")
                    .append(width - RIGHT)
                    .append("' y1='")
                    .append(f(y))
                    .append("' y2='")
                    .append(f(y))
                    .append("' class='aegis-chart-grid'/>");
            svg.append("<text x='")
                    .append(LEFT - 6)
                    .append("' y='")
                    .append(f(y + 4))
                    .append("' text-anchor='end' class='aegis-chart-label'>")
                    .append(Svg.tick(v, step))
                    .append("</text>");
        }
        return top;
    }

    private static void legend(StringBuilder svg, int width, List<String[]> entries) {
        int x = width - RIGHT;
        for (int i = entries.size() - 1; i >= 0; i--) {
            String[] e = entries.get(i);
            x -= 8 + e[0].length() * 7 + 14;
            svg.append("<rect x='")
                    .append(x)
                    .append("' y='7' width='10' height='10' fill='")
                    .append(e[1])
                    .append("'/><text x='")
                    .append(x + 14)
                    .append("' y='16' class='aegis-chart-label'>")
                    .append(e[0])
                    .append("</text>");
        }
    }

    private static double y(double v, double min, double top, double plotH) {
        return TOP + plotH - (top == min ? 0 : plotH * (v - min) / (top - min));
    }

    static double niceCeiling(double max) {
        return Svg.niceCeiling(max);
    }

    static String label(double v) {
        return Svg.label(v);
    }

    private static String f(double v) {
        return Svg.f(v);
    }

    static String escape(String s) {
        return Svg.escape(s);
    }
}
