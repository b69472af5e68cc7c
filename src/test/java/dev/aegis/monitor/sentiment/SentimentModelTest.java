package dev.aegis.monitor.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.TestClock;
import org.junit.jupiter.api.Test;

class SentimentModelTest {

    final TestClock clock = new TestClock();
    final RecordingTelemetry telemetry = new RecordingTelemetry();
    final SentimentModel model = new SentimentModel(telemetry, clock);

    @Test
    void labels_follow_the_compound_thresholds_of_plus_and_minus_0_05() {
        assertThat(model.predict("VADER is smart, handsome, and funny."))
                .isEqualTo(new SentimentPrediction("positive", 0.8316, 0.746, 0.254, 0.0));
        assertThat(model.predict("Today SUX!").label()).isEqualTo("negative");
        assertThat(model.predict("The parcel arrived on Tuesday.").label()).isEqualTo("neutral");
        assertThat(SentimentPrediction.of(new Vader.Scores(0.05, 0, 1, 0)).label())
                .isEqualTo("positive");
        assertThat(SentimentPrediction.of(new Vader.Scores(-0.05, 0, 1, 0)).label())
                .isEqualTo("negative");
        assertThat(SentimentPrediction.of(new Vader.Scores(0.0499, 0, 1, 0)).label())
                .isEqualTo("neutral");
    }

    @Test
    void every_prediction_is_reported_with_latency_label_score_and_text_length() {
        model.predict("The book was good.");

        assertThat(telemetry.calls).singleElement().satisfies(call -> {
            assertThat(call.ok()).isTrue();
            assertThat(call.at()).isEqualTo(clock.instant());
            assertThat(call.source()).isEqualTo("api");
            assertThat(call.label()).isEqualTo("positive");
            assertThat(call.compound()).isEqualTo(0.4404);
            assertThat(call.textLength()).isEqualTo(18);
            assertThat(call.latency()).isPositive();
            assertThat(call.requestId()).isNotBlank();
        });
    }

    @Test
    void blank_or_too_long_texts_are_refused_and_reported_as_invalid_input() {
        assertThatThrownBy(() -> model.predict("  "))
                .isInstanceOf(DomainRuleException.class)
                .hasMessage("Give a text to score.");
        assertThatThrownBy(() -> model.predict("a".repeat(5_001)))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("5001 characters; at most 5000");
        assertThat(model.predict("a".repeat(5_000)).label()).isEqualTo("neutral");

        assertThat(telemetry.calls)
                .extracting(SentimentTelemetry.Call::errorClass)
                .containsExactly("invalid_input", "invalid_input", null);
        assertThat(telemetry.calls.get(1).textLength()).isEqualTo(5_001);
    }

    @Test
    void a_failing_telemetry_never_fails_the_prediction() {
        SentimentModel withBrokenTelemetry = new SentimentModel(
                call -> {
                    throw new IllegalStateException("ingestion down");
                },
                clock);

        assertThat(withBrokenTelemetry.predict("Great!").label()).isEqualTo("positive");
    }
}
