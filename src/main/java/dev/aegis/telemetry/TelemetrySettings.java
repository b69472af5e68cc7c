package dev.aegis.telemetry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the register pulls telemetry ({@code aegis.telemetry.*}, README's configuration table and docs/telemetry.md).
 *
 * @param connectTimeout   how long opening a connection to a source may take (AEGIS_TELEMETRY_CONNECT_TIMEOUT)
 * @param readTimeout      how long a source may take to answer one request (AEGIS_TELEMETRY_READ_TIMEOUT)
 * @param retryAttempts    attempts per pull, the first included (AEGIS_TELEMETRY_RETRY_ATTEMPTS)
 * @param retryBackoff     the wait before the second attempt, doubled before each further one (AEGIS_TELEMETRY_RETRY_BACKOFF)
 * @param breakerFailureRate failed calls in percent of the last {@code breakerWindow} calls that open a source's
 *                         circuit breaker (AEGIS_TELEMETRY_BREAKER_FAILURE_RATE)
 * @param breakerWindow    how many recent calls the breaker judges (at least 3 of them must have been made)
 * @param breakerOpenFor   how long an open breaker refuses calls before letting one through (AEGIS_TELEMETRY_BREAKER_OPEN_FOR)
 * @param embeddedUrl      the base URL of this instance's own monitor (AEGIS_TELEMETRY_EMBEDDED_URL; default the local
 *                         server port on localhost)
 */
@ConfigurationProperties("aegis.telemetry")
public record TelemetrySettings(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("50") int breakerFailureRate,
        @DefaultValue("10") int breakerWindow,
        @DefaultValue("30s") Duration breakerOpenFor,
        String embeddedUrl) {}
