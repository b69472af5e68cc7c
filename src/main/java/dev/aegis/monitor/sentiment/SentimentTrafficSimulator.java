package dev.aegis.monitor.sentiment;

import dev.aegis.monitor.WhenMonitorEnabled;
import dev.aegis.shared.DomainRuleException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Demo traffic for the sentiment model (only with {@code aegis.demo=true}): every interval a small batch of review
 * texts goes through {@link SentimentModel}, so the monitor's screens show life. The mix drifts slowly over a cycle
 * ({@code aegis.monitor.sentiment.simulator.cycle}, 30 min by default, so a demo shows a drift test fail and a
 * finding open within about twenty minutes of the start): the share of negative reviews swings from 15 %
 * to 45 % and back, and longer, two-sentence reviews get commoner with it, which moves the predicted-label and
 * text-length distributions enough for the drift figures to notice. Each instance sends its own traffic.
 */
@Component
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
@WhenMonitorEnabled
class SentimentTrafficSimulator {

    static final String SOURCE = "simulator";

    private final SentimentModel model;
    private final Clock clock;
    private final Instant start;
    private final Duration cycle;
    private final int batch;
    private final SplittableRandom random = new SplittableRandom();

    SentimentTrafficSimulator(
            SentimentModel model,
            Clock clock,
            @Value("${aegis.monitor.sentiment.simulator.cycle:PT30M}") Duration cycle,
            @Value("${aegis.monitor.sentiment.simulator.batch:5}") int batch) {
        this.model = model;
        this.clock = clock;
        this.start = clock.instant();
        this.cycle = cycle;
        this.batch = batch;
    }

    @Scheduled(
            fixedDelayString = "${aegis.monitor.sentiment.simulator.interval:PT1S}",
            initialDelayString = "${aegis.monitor.sentiment.simulator.interval:PT1S}")
    void sendBatch() {
        Mix mix = mixAt(clock.instant());
        for (int i = 0; i < batch; i++) {
            try {
                model.predict(nextText(mix, random), SOURCE);
            } catch (DomainRuleException e) {
                // cannot happen with the grammar's texts; the call is reported as invalid input anyway
            }
        }
    }

    /** The share of negative, neutral and long reviews at a moment of the cycle. */
    record Mix(double negative, double neutral, double longer) {}

    Mix mixAt(Instant now) {
        double phase = (double) Duration.between(start, now).toMillis() % cycle.toMillis() / cycle.toMillis();
        double swing = (1 - Math.cos(2 * Math.PI * phase)) / 2; // 0 → 1 → 0 over the cycle
        return new Mix(0.15 + 0.30 * swing, 0.25, 0.2 + 0.5 * swing);
    }

    static String nextText(Mix mix, SplittableRandom random) {
        double draw = random.nextDouble();
        ReviewTexts.Tone tone = draw < mix.negative()
                ? ReviewTexts.Tone.NEGATIVE
                : draw < mix.negative() + mix.neutral() ? ReviewTexts.Tone.NEUTRAL : ReviewTexts.Tone.POSITIVE;
        return ReviewTexts.review(tone, random.nextDouble() < mix.longer(), random);
    }
}
