package dev.aegis.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class FastTimeUnitTest {

    @Test
    void parses_what_the_jdk_parses_to_the_same_instant() {
        for (String s : new String[] {
            "2026-11-25T21:00:00Z",
            "2026-11-25T21:00:00.5Z",
            "2026-11-25T21:00:00.123456789Z",
            "2026-11-25T21:00:00+02:00",
            "2026-11-25T21:00:00.25-05:30",
            "2024-02-29T23:59:59.999z",
            "2026-11-25T21:00+01:00",
            "2026-11-25T21:00:00.1234+01:00"
        }) {
            assertThat(FastTime.parse(s))
                    .as(s)
                    .isEqualTo(OffsetDateTime.parse(s).toInstant());
        }
    }

    @Test
    void refuses_what_the_jdk_refuses() {
        for (String s : new String[] {
            "2026-13-25T21:00:00Z",
            "2026-02-30T21:00:00Z",
            "2026-11-25T21:00:00",
            "2026-11-25 21:00:00Z",
            "yesterday",
            "2026-11-25T2x:00:00Z"
        }) {
            assertThatThrownBy(() -> FastTime.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void writes_what_postgresql_reads_as_the_same_instant() {
        assertThat(FastTime.append(new StringBuilder(), Instant.parse("2026-01-05T03:04:05Z"))
                        .toString())
                .isEqualTo("2026-01-05 03:04:05+00");
        assertThat(FastTime.append(new StringBuilder(), Instant.parse("2026-01-05T03:04:05.000042Z"))
                        .toString())
                .isEqualTo("2026-01-05 03:04:05.000042+00");
    }
}
