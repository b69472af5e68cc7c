package dev.aegis.telemetry;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the telemetry screens say them: UTC, to the minute. */
final class Times {

    private static final DateTimeFormatter SHORT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Times() {}

    static String short_(Instant at) {
        return at == null ? "" : SHORT.format(at);
    }
}
