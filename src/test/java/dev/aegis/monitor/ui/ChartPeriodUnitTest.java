package dev.aegis.monitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.monitor.Resolution;
import dev.aegis.monitor.TrafficWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartPeriodUnitTest {

    static final Instant END = Instant.parse("2026-12-06T12:00:00Z");
    static final Instant DAY_AGO = END.minus(Duration.ofDays(1));

    static TrafficWindow window(Instant start) {
        return new TrafficWindow("5m", start, start.plus(Duration.ofMinutes(5)), 10, 0, 0, 1.0, 2.0, 3.0, 4.0, 1);
    }

    @Test
    void traffic_that_began_ten_minutes_ago_fills_the_chart_instead_of_its_last_pixels() {
        Instant from = DeploymentView.fitted(
                DAY_AGO,
                END,
                Resolution.FIVE_MINUTES,
                List.of(window(END.minus(Duration.ofMinutes(10))), window(END.minus(Duration.ofMinutes(5)))));
        // a dozen 5-minute windows stay in view, not the whole day
        assertThat(from).isEqualTo(END.minus(Duration.ofHours(1)));
    }

    @Test
    void traffic_over_the_whole_period_keeps_the_period_and_no_traffic_keeps_it_too() {
        assertThat(DeploymentView.fitted(DAY_AGO, END, Resolution.FIVE_MINUTES, List.of(window(DAY_AGO))))
                .isEqualTo(DAY_AGO);
        assertThat(DeploymentView.fitted(DAY_AGO, END, Resolution.FIVE_MINUTES, List.of()))
                .isEqualTo(DAY_AGO);
    }

    @Test
    void traffic_since_the_afternoon_starts_the_chart_at_its_first_window() {
        Instant first = END.minus(Duration.ofHours(5));
        assertThat(DeploymentView.fitted(DAY_AGO, END, Resolution.FIVE_MINUTES, List.of(window(first))))
                .isEqualTo(first);
    }
}
