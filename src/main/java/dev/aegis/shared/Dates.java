package dev.aegis.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Dates and timestamps as every screen, export and PDF prints them: ISO 8601 days ({@code 2026-12-06}) and
 * timestamps to the minute with their zone ({@code 2026-12-06 14:05 UTC}).
 */
public final class Dates {

    public static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    public static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Dates() {}

    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public static String minute(Instant at) {
        return at == null ? "" : MINUTE.format(at);
    }
}
