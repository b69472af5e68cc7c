package dev.aegis.aims.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.aims.ObjectiveService.ObjectiveView;
import dev.aegis.aims.ObjectiveService.Value;
import dev.aegis.aims.ObjectiveVocabulary.Direction;
import dev.aegis.aims.ObjectiveVocabulary.Indicator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ObjectiveChartUnitTest {

    static ObjectiveView objective(Indicator indicator, String unit, Direction direction, double target) {
        return new ObjectiveView(
                1,
                "OBJ-001",
                "Treat high risks",
                null,
                "o",
                "Olive",
                indicator,
                unit,
                direction,
                target,
                null,
                true,
                null,
                null,
                null,
                0,
                "No value yet");
    }

    @Test
    void a_percentage_reads_0_to_100_in_whole_ticks_with_the_target_and_iso_dates() {
        LocalDate start = LocalDate.of(2026, 6, 1);
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            values.add(new Value(i, start.plusDays(i), 40 + i * 0.4, true, null, "system"));
        }
        String svg =
                ObjectiveChart.render(objective(Indicator.HIGH_RISKS_TREATED, "%", Direction.AT_LEAST, 90), values);

        assertThat(svg).contains(">0</text>", ">25</text>", ">50</text>", ">75</text>", ">100</text>");
        assertThat(svg).contains("Target ≥ 90 %").contains(">2026-06-01</text>");
        // labels never crowd: 120 days on 576 px get at most about eight dates
        long dates = Pattern.compile(">\\d{4}-\\d{2}-\\d{2}</text>")
                .matcher(svg)
                .results()
                .count();
        assertThat(dates).isBetween(3L, 9L);
        assertThat(svg).doesNotContain("NaN").doesNotContain("T00:");
    }

    @Test
    void days_by_hand_get_whole_ticks_and_an_empty_chart_says_what_to_do() {
        ObjectiveView o = objective(Indicator.MANUAL, "days", Direction.AT_MOST, 2);
        String svg = ObjectiveChart.render(
                o,
                List.of(
                        new Value(1, LocalDate.of(2026, 1, 1), 5, false, null, "a"),
                        new Value(2, LocalDate.of(2026, 2, 1), 2.5, false, null, "a")));
        assertThat(svg).contains(">0</text>", ">2</text>", ">6</text>").doesNotContain(">2.5</text>");
        assertThat(svg).contains("Target ≤ 2 days");

        assertThat(ObjectiveChart.render(o, List.of())).contains("No value yet: record the first value measured");
        assertThat(ObjectiveChart.render(
                        objective(Indicator.CONTROLS_IMPLEMENTED, "%", Direction.AT_LEAST, 80), List.of()))
                .contains("record now, or wait for the daily record");
    }
}
