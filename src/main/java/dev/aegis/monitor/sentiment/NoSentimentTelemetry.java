package dev.aegis.monitor.sentiment;

import dev.aegis.monitor.WhenMonitorEnabled;
import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/** Drops the model's telemetry; used only while no other {@link SentimentTelemetry} bean exists. */
@Component
@Fallback
@WhenMonitorEnabled
class NoSentimentTelemetry implements SentimentTelemetry {

    @Override
    public void record(Call call) {
        // nothing records the model's calls yet
    }
}
