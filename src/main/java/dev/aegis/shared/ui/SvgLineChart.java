package dev.aegis.shared.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A small server-rendered SVG line chart (no frontend build, no script): series of (time, value) points over a time
 * range, with a y-axis from zero to a rounded maximum, time labels and a legend.
 */
public final class SvgLineChart {

    public record Point(Instant at, double value) {}

    public record Series(String name, String color, List<Point> points) {}

    private static final int WIDTH = 640;
    private static final int HEIGHT = 200;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 24;
    private static final int BOTTOM = 28;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private SvgLineChart() {}

    public static String render(String title, String unit, Instant from, Instant to, List<Series> series) {
        return render(title, unit, from, to, series, "No traffic in this period");
    }

    /** As above, saying {@code empty} (what to do about it) when no series has a point. */
    public static String render(
            String title, String unit, Instant from, Instant to, List<Series> series, String empty) {
        double max = series.stream()
                .flatMap(s -> s.points().stream())
                .mapToDouble(Point::value)
                .max()
                .orElse(0);
        boolean whole =
                series.stream().flatMap(s -> s.points().stream()).allMatch(p -> p.value() == Math.rint(p.value()));
        double[] ticks = Svg.ticks(max, 4, whole);
        double top = ticks[ticks.length - 1];
        double step = ticks.length > 1 ? ticks[1] : 1;
        DateTimeFormatter time = to.toEpochMilli() - from.toEpochMilli() > 2 * 86_400_000L ? DAY : TIME;
        double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        double plotW = WIDTH - LEFT - RIGHT;
        // the legend stands right of the title; when it would run into it, it takes a line of its own below
        String heading = title + (unit.isEmpty() ? "" : " (" + unit + ")");
        int legendWidth =
                series.stream().mapToInt(s -> 8 + s.name().length() * 7 + 14).sum();
        boolean legendBelow = LEFT + heading.length() * 7.5 + 12 > WIDTH - RIGHT - legendWidth;
        int plotTop = legendBelow ? TOP + 16 : TOP;
        int legendY = legendBelow ? 22 : 6;
        double plotH = HEIGHT - plotTop - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("' class='aegis-chart' role='img' aria-label='")
                .append(Svg.escape(title))
                .append("'>");
        svg.append("<text x='")
                .append(LEFT)
                .append("' y='14' class='aegis-chart-title'>")
                .append(Svg.escape(title))
                .append(unit.isEmpty() ? "" : " (" + Svg.escape(unit) + ")")
                .append("</text>");
        for (double tick : ticks) {
            double y = plotTop + plotH - plotH * tick / top;
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
        for (int i = 0; i <= 4; i++) {
            Instant at = Instant.ofEpochMilli(from.toEpochMilli() + (long) (span * i / 4));
            String anchor = i == 0 ? "start" : i == 4 ? "end" : "middle";
            svg.append("<text x='")
                    .append(Svg.f(LEFT + plotW * i / 4))
                    .append("' y='")
                    .append(HEIGHT - 8)
                    .append("' text-anchor='")
                    .append(anchor)
                    .append("' class='aegis-chart-label'>")
                    .append(time.format(at))
                    .append("</text>");
        }
        int legendX = WIDTH - RIGHT;
        for (int s = series.size() - 1; s >= 0; s--) {
            Series one = series.get(s);
            legendX -= 8 + one.name().length() * 7 + 14;
            svg.append("<rect x='")
                    .append(legendX)
                    .append("' y='")
                    .append(legendY)
                    .append("' width='10' height='10' fill='")
                    .append(one.color())
                    .append("'/><text x='")
                    .append(legendX + 14)
                    .append("' y='")
                    .append(legendY + 9)
                    .append("' class='aegis-chart-label'>")
                    .append(Svg.escape(one.name()))
                    .append("</text>");
        }
        for (Series one : series) {
            if (one.points().isEmpty()) {
                continue;
            }
            StringBuilder path = new StringBuilder();
            for (Point p : one.points()) {
                double x = LEFT + plotW * (p.at().toEpochMilli() - from.toEpochMilli()) / span;
                double y = plotTop + plotH - (top == 0 ? 0 : plotH * p.value() / top);
                path.append(path.isEmpty() ? "" : " ")
                        .append(Svg.f(x))
                        .append(',')
                        .append(Svg.f(y));
            }
            svg.append("<polyline fill='none' stroke-width='2' stroke='")
                    .append(one.color())
                    .append("' points='")
                    .append(path)
                    .append("'/>");
            if (one.points().size() == 1) {
                String[] xy = path.toString().split(",");
                svg.append("<circle r='3' cx='")
                        .append(xy[0])
                        .append("' cy='")
                        .append(xy[1])
                        .append("' fill='")
                        .append(one.color())
                        .append("'/>");
            }
        }
        if (series.stream().allMatch(s -> s.points().isEmpty())) {
            svg.append("<text x='")
                    .append(WIDTH / 2)
                    .append("' y='")
                    .append(HEIGHT / 2)
                    .append("' text-anchor='middle' class='aegis-chart-empty'>")
                    .append(Svg.escape(empty))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }
}
