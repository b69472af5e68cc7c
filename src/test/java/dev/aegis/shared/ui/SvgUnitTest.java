package dev.aegis.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgUnitTest {

    @Test
    void counts_get_whole_ticks_never_quarters() {
        assertThat(Svg.ticks(1, 4, true)).containsExactly(0, 1);
        assertThat(Svg.ticks(2, 4, true)).containsExactly(0, 1, 2);
        assertThat(Svg.ticks(7, 4, true)).containsExactly(0, 2, 4, 6, 8);
        assertThat(Svg.ticks(10, 4, true)).containsExactly(0, 5, 10);
        assertThat(Svg.ticks(0, 4, true)).containsExactly(0, 1);
        assertThat(Svg.ticks(37, 4, true)).containsExactly(0, 10, 20, 30, 40);
    }

    @Test
    void fractions_get_round_steps_that_reach_the_maximum() {
        assertThat(Svg.ticks(1, 4, false)).containsExactly(0, 0.25, 0.5, 0.75, 1);
        double[] tenths = Svg.ticks(0.31, 4, false);
        assertThat(tenths).hasSize(5);
        assertThat(tenths[4]).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
        double[] ticks = Svg.ticks(0.07, 4, false);
        assertThat(ticks[ticks.length - 1]).isGreaterThanOrEqualTo(0.07);
        assertThat(ticks.length).isLessThanOrEqualTo(5);
    }

    @Test
    void a_tick_label_has_the_decimals_its_step_needs_and_no_more() {
        assertThat(Svg.tick(1, 1)).isEqualTo("1");
        assertThat(Svg.tick(0.5, 0.25)).isEqualTo("0.5");
        assertThat(Svg.tick(0.25, 0.25)).isEqualTo("0.25");
        assertThat(Svg.tick(0.30000000000000004, 0.1)).isEqualTo("0.3");
        assertThat(Svg.tick(2000, 500)).isEqualTo("2000");
    }

    @Test
    void labels_are_thinned_so_neighbours_never_touch() {
        assertThat(Svg.every(100, 40)).isEqualTo(1);
        assertThat(Svg.every(19, 40)).isEqualTo(3);
        assertThat(Svg.every(19, Svg.labelWidth(5))).isGreaterThanOrEqualTo(3);
        assertThat(Svg.every(0, 40)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void a_line_chart_of_counts_labels_its_axis_with_whole_numbers() {
        Instant from = Instant.parse("2026-12-06T10:00:00Z");
        String svg = SvgLineChart.render(
                "Events",
                "",
                from,
                from.plus(Duration.ofHours(1)),
                List.of(new SvgLineChart.Series(
                        "events",
                        "#000",
                        List.of(
                                new SvgLineChart.Point(from, 1),
                                new SvgLineChart.Point(from.plus(Duration.ofMinutes(5)), 2)))));
        assertThat(axisLabels(svg))
                .doesNotContain("0.250", "0.500", "0.5", "1.5")
                .contains("0", "1", "2");
    }

    private static List<String> axisLabels(String svg) {
        Matcher m = Pattern.compile("text-anchor='end' class='aegis-chart-label'>([^<]*)<")
                .matcher(svg);
        List<String> labels = new ArrayList<>();
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }
}
