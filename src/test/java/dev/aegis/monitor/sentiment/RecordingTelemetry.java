package dev.aegis.monitor.sentiment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every reported call, for assertions. */
final class RecordingTelemetry implements SentimentTelemetry {

    final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void record(Call call) {
        calls.add(call);
    }
}
