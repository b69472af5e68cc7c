package dev.aegis.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** The window sizes figures and traffic are kept at; windows are aligned to the epoch (UTC). */
public enum Resolution {
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    ONE_HOUR("1h", Duration.ofHours(1)),
    ONE_DAY("1d", Duration.ofDays(1));

    private final String code;
    private final Duration length;

    Resolution(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    /** The short name used in the API and the database: 5m, 1h, 1d. */
    public String code() {
        return code;
    }

    public Duration length() {
        return length;
    }

    /** The start of the window that holds this instant. */
    public Instant floor(Instant at) {
        long ms = length.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), ms) * ms);
    }

    public static Resolution of(String code) {
        return Arrays.stream(values())
                .filter(r -> r.code.equals(code) || r.name().equals(code))
                .findFirst()
                .orElseThrow(() ->
                        new dev.aegis.shared.DomainRuleException("resolution", "resolution is one of 5m, 1h, 1d"));
    }
}
