package dev.aegis.telemetry;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way the register reaches a telemetry source: HTTP with connect and read timeouts, retries with exponential
 * back-off, and a circuit breaker per source, so a source that is down costs one quick refusal instead of a pile-up of
 * waiting threads. Every pull records on the source when it last answered, or since when it fails; nothing here throws
 * to the caller: a failed pull is a {@link Pull} with a problem, which screens show as stale data and tests record as
 * no data. The token is sent, never logged.
 */
@Component
public class MonitorClient {

    private static final Logger log = LoggerFactory.getLogger(MonitorClient.class);

    /** What a pull brought: the JSON answer, or why there is none. */
    public record Pull(JsonNode body, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** A source answered with a status that is no success. 5xx are retried, 4xx are not (asking again won't help). */
    static final class SourceAnswered extends RuntimeException {
        final int status;

        SourceAnswered(int status) {
            super("answered HTTP " + status);
            this.status = status;
        }
    }

    private final TelemetrySettings settings;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final Retry retry;
    private final CircuitBreakerConfig breakerConfig;
    private final Map<Long, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final TransactionTemplate newTransaction;

    private final SourceTokens tokens;

    MonitorClient(
            TelemetrySettings settings,
            JdbcTemplate jdbc,
            JsonMapper json,
            Clock clock,
            PlatformTransactionManager transactions,
            SourceTokens tokens) {
        this.tokens = tokens;
        this.newTransaction = new TransactionTemplate(transactions);
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.retry = Retry.of(
                "telemetry",
                RetryConfig.custom()
                        .maxAttempts(Math.max(1, settings.retryAttempts()))
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryBackoff(), 2.0))
                        .retryOnException(e -> e instanceof IOException
                                || e instanceof java.io.UncheckedIOException
                                || e instanceof SourceAnswered a && a.status >= 500)
                        .build());
        this.breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(3, settings.breakerWindow()))
                .minimumNumberOfCalls(3)
                .failureRateThreshold(settings.breakerFailureRate())
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
    }

    /** GET a monitor path such as {@code /monitor/v1/alerts?state=OPEN}. */
    public Pull monitor(TelemetrySource source, String pathAndQuery) {
        return pull(source, pathAndQuery);
    }

    /** A Prometheus instant query at a time ({@code /api/v1/query}). */
    public Pull prometheus(TelemetrySource source, String promql, Instant at) {
        return pull(
                source,
                "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time="
                        + at.getEpochSecond());
    }

    /** The state of a source's circuit breaker: CLOSED, OPEN or HALF_OPEN. */
    public String breakerState(long sourceId) {
        return breaker(sourceId).getState().name();
    }

    /** Forgets a source's breaker, e.g. after its address or token changed. */
    void reset(long sourceId) {
        breakers.remove(sourceId);
    }

    private CircuitBreaker breaker(long sourceId) {
        return breakers.computeIfAbsent(sourceId, id -> CircuitBreaker.of("telemetry-source-" + id, breakerConfig));
    }

    private Pull pull(TelemetrySource source, String pathAndQuery) {
        CircuitBreaker breaker = breaker(source.getId());
        Supplier<JsonNode> call = Retry.decorateSupplier(
                retry, CircuitBreaker.decorateSupplier(breaker, () -> get(source, pathAndQuery)));
        try {
            JsonNode body = call.get();
            succeeded(source);
            return new Pull(body, null);
        } catch (CallNotPermittedException e) {
            String problem = "not called: the source failed repeatedly, next try after "
                    + settings.breakerOpenFor().toSeconds() + " s";
            failed(source, problem);
            return new Pull(null, problem);
        } catch (RuntimeException e) {
            String problem = describe(e);
            log.debug("Telemetry source {} failed: {}", source.getName(), problem);
            failed(source, problem);
            return new Pull(null, problem);
        }
    }

    private JsonNode get(TelemetrySource source, String pathAndQuery) {
        String base = source.getBaseUrl().endsWith("/")
                ? source.getBaseUrl().substring(0, source.getBaseUrl().length() - 1)
                : source.getBaseUrl();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(settings.readTimeout())
                .header("Accept", "application/json")
                .GET();
        String token = tokens.plain(source);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new SourceAnswered(response.statusCode());
        }
        return json.readTree(response.body());
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof java.net.ConnectException) {
            return "unreachable (connection refused)";
        }
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        if (cause instanceof SourceAnswered a) {
            return a.status == 401 || a.status == 403 ? "refused the token (HTTP " + a.status + ")" : a.getMessage();
        }
        String message =
                cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    private void succeeded(TelemetrySource source) {
        record(() -> jdbc.update(
                "update telemetry.source set last_success_at = ?, failing_since = null, last_error = null"
                        + " where id = ?",
                java.sql.Timestamp.from(clock.instant()),
                source.getId()));
    }

    private void failed(TelemetrySource source, String problem) {
        record(() -> jdbc.update(
                "update telemetry.source set failing_since = coalesce(failing_since, ?), last_error = ?"
                        + " where id = ?",
                java.sql.Timestamp.from(clock.instant()),
                problem,
                source.getId()));
    }

    /** The health of a source is written outside any caller's transaction (which may be read-only or roll back). */
    private void record(Runnable update) {
        try {
            newTransaction.executeWithoutResult(status -> update.run());
        } catch (RuntimeException e) {
            log.warn("Could not record a telemetry source's health: {}", e.toString());
        }
    }
}
