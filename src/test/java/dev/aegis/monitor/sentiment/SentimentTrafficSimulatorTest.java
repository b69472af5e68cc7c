package dev.aegis.monitor.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aegis.shared.TestClock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SentimentTrafficSimulatorTest {

    final TestClock clock = new TestClock();
    final RecordingTelemetry telemetry = new RecordingTelemetry();
    final SentimentModel model = new SentimentModel(telemetry, clock);
    final SentimentTrafficSimulator simulator = new SentimentTrafficSimulator(model, clock, Duration.ofHours(6), 5);

    @Test
    void each_batch_goes_through_the_model_and_its_telemetry() {
        simulator.sendBatch();

        assertThat(telemetry.calls).hasSize(5).allSatisfy(call -> {
            assertThat(call.ok()).isTrue();
            assertThat(call.source()).isEqualTo("simulator");
            assertThat(call.textLength()).isPositive();
        });
    }

    @Test
    void the_mix_drifts_towards_negative_and_longer_reviews_and_back_over_the_cycle() {
        SentimentTrafficSimulator.Mix start = simulator.mixAt(clock.instant());
        SentimentTrafficSimulator.Mix middle = simulator.mixAt(clock.instant().plus(Duration.ofHours(3)));
        SentimentTrafficSimulator.Mix end = simulator.mixAt(clock.instant().plus(Duration.ofHours(6)));

        assertThat(start.negative()).isCloseTo(0.15, within(1e-9));
        assertThat(middle.negative()).isCloseTo(0.45, within(1e-9));
        assertThat(end.negative()).isCloseTo(0.15, within(1e-9));
        assertThat(middle.longer()).isGreaterThan(start.longer());
    }

    @Test
    void the_model_sees_the_drift_in_labels_and_text_length() {
        SplittableRandom random = new SplittableRandom(3);
        Sample calm = sample(simulator.mixAt(clock.instant()), random);
        Sample drifted = sample(simulator.mixAt(clock.instant().plus(Duration.ofHours(3))), random);

        assertThat(calm.negativeShare).isBetween(0.10, 0.30);
        assertThat(drifted.negativeShare).isGreaterThan(calm.negativeShare + 0.1);
        assertThat(drifted.meanLength).isGreaterThan(calm.meanLength * 1.1);
        assertThat(calm.distinct).as("varied texts").isGreaterThan(1_500);
    }

    record Sample(double negativeShare, double meanLength, int distinct) {}

    private Sample sample(SentimentTrafficSimulator.Mix mix, SplittableRandom random) {
        int n = 2_000;
        int negative = 0;
        long length = 0;
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String text = SentimentTrafficSimulator.nextText(mix, random);
            texts.add(text);
            length += text.length();
            if (model.predict(text, "test").label().equals("negative")) {
                negative++;
            }
        }
        return new Sample((double) negative / n, (double) length / n, texts.size());
    }
}
