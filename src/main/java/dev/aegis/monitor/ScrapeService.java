package dev.aegis.monitor;

import dev.aegis.monitor.AggregateStore.Delta;
import dev.aegis.monitor.AggregateStore.Key;
import dev.aegis.monitor.PrometheusText.Sample;
import dev.aegis.shared.DomainRuleException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pulls Prometheus metrics from model servers Aegis does not serve (KServe, Seldon, Triton) every 15 seconds and turns
 * the growth of their counters since the last scrape into traffic windows of the target's deployment: requests,
 * errors, and latency from a histogram's buckets. A bucket's requests are counted at the bucket's upper bound (the
 * +Inf bucket at the largest finite one), so percentiles are as fine as the server's buckets.
 */
@Service
@WhenMonitorEnabled
public class ScrapeService {

    /** A configured target: the URL and the names of its metrics. */
    public record Target(
            long id,
            String deployment,
            String url,
            String requestsMetric,
            String errorsMetric,
            String latencyMetric,
            boolean latencyInSeconds,
            Instant lastScrapedAt,
            String lastError) {}

    /** Cumulative values seen at the last scrape, to take differences from. */
    record Totals(double requests, double errors, Map<String, Double> buckets) {}

    private final JdbcTemplate jdbc;
    private final DeploymentService deployments;
    private final AggregateStore store;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final MonitorSettings settings;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ScrapeService(
            JdbcTemplate jdbc,
            DeploymentService deployments,
            AggregateStore store,
            TransactionTemplate tx,
            JsonMapper json,
            MonitorSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.deployments = deployments;
        this.store = store;
        this.tx = tx;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    @PreAuthorize(Permissions.EDIT)
    public Target add(
            String deployment,
            String url,
            String requestsMetric,
            String errorsMetric,
            String latencyMetric,
            boolean latencyInSeconds) {
        long id = deployments.find(deployment).getId();
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            throw new DomainRuleException("url", "Give the metrics URL, e.g. http://model:8080/metrics.");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new DomainRuleException("url", "Give an http or https metrics URL, e.g. http://model:8080/metrics.");
        }
        if (requestsMetric == null || requestsMetric.isBlank()) {
            throw new DomainRuleException("requestsMetric", "Name the counter of requests, e.g. request_count_total.");
        }
        Long targetId = jdbc.queryForObject(
                "insert into monitor.scrape_target (deployment_id, url, requests_metric, "
                        + "errors_metric, latency_metric, latency_unit_seconds) values (?, ?, ?, ?, ?, ?) returning id",
                Long.class,
                id,
                uri.toString(),
                requestsMetric.trim(),
                blankToNull(errorsMetric),
                blankToNull(latencyMetric),
                latencyInSeconds);
        return targets(deployment).stream()
                .filter(t -> t.id() == targetId)
                .findFirst()
                .orElseThrow();
    }

    @PreAuthorize(Permissions.READ)
    public List<Target> targets(String deployment) {
        return jdbc.query(
                SELECT + " where t.deployment_id = ? order by t.id",
                (rs, i) -> target(rs),
                deployments.find(deployment).getId());
    }

    @PreAuthorize(Permissions.EDIT)
    public void remove(long id) {
        jdbc.update("delete from monitor.scrape_target where id = ?", id);
    }

    private static final String SELECT = "select t.id, d.name, t.url, t.requests_metric, t.errors_metric, "
            + "t.latency_metric, t.latency_unit_seconds, t.last_scraped_at, t.last_error, t.last_sample::text, "
            + "t.deployment_id from monitor.scrape_target t join monitor.deployment d on d.id = t.deployment_id";

    @Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
    @SchedulerLock(name = "monitor.scrape", lockAtMostFor = "PT5M")
    void scrapeOnSchedule() {
        scrapeAll(clock.instant());
    }

    /** Scrapes every target once, attributing the growth since the last scrape to the window holding {@code at}. */
    void scrapeAll(Instant at) {
        record Row(Target target, String lastSample, long deploymentId) {}
        List<Row> rows =
                jdbc.query(SELECT + " order by t.id", (rs, i) -> new Row(target(rs), rs.getString(10), rs.getLong(11)));
        for (Row row : rows) {
            try {
                String body = fetch(row.target().url());
                Totals now = totals(row.target(), PrometheusText.parse(body));
                Totals before = row.lastSample() == null ? null : json.readValue(row.lastSample(), Totals.class);
                tx.executeWithoutResult(s -> {
                    if (before != null) {
                        Map<Key, Delta> deltas = new HashMap<>();
                        Delta delta = difference(before, now, row.target().latencyInSeconds());
                        if (delta.count > 0) {
                            for (Resolution r : Resolution.values()) {
                                deltas.put(new Key(row.deploymentId(), r, r.floor(at)), copy(delta));
                            }
                            store.add(settings.instanceId(), deltas, clock.instant());
                        }
                    }
                    jdbc.update(
                            "update monitor.scrape_target set last_scraped_at = ?, last_error = null, "
                                    + "last_sample = ?::jsonb where id = ?",
                            Timestamp.from(at),
                            json.writeValueAsString(now),
                            row.target().id());
                });
            } catch (RuntimeException | java.io.IOException e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                jdbc.update(
                        "update monitor.scrape_target set last_scraped_at = ?, last_error = ? where id = ?",
                        Timestamp.from(at),
                        message.length() > 2000 ? message.substring(0, 2000) : message,
                        row.target().id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String fetch(String url) throws java.io.IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .header("Accept", "text/plain;version=0.0.4")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new java.io.IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    static Totals totals(Target target, List<Sample> samples) {
        double requests = 0;
        double errors = 0;
        Map<String, Double> buckets = new TreeMap<>();
        String bucketName = target.latencyMetric() == null ? null : target.latencyMetric() + "_bucket";
        for (Sample s : samples) {
            if (s.name().equals(target.requestsMetric())) {
                requests += s.value();
            } else if (s.name().equals(target.errorsMetric())) {
                errors += s.value();
            } else if (s.name().equals(bucketName) && s.labels().containsKey("le")) {
                buckets.merge(s.labels().get("le"), s.value(), Double::sum);
            }
        }
        return new Totals(requests, errors, buckets);
    }

    /** What happened between two scrapes; a counter that went down was reset (the server restarted). */
    static Delta difference(Totals before, Totals now, boolean seconds) {
        boolean reset = now.requests() < before.requests();
        Delta delta = new Delta();
        delta.count = Math.round(reset ? now.requests() : now.requests() - before.requests());
        double errors = reset || now.errors() < before.errors() ? now.errors() : now.errors() - before.errors();
        delta.errors = Math.min(delta.count, Math.round(errors));
        var bounds = now.buckets().keySet().stream()
                .sorted((a, b) -> Double.compare(PrometheusText.number(a), PrometheusText.number(b)))
                .toList();
        double previousCumulative = 0;
        double largestFinite = 0;
        for (String le : bounds) {
            double bound = PrometheusText.number(le);
            double cumulative =
                    now.buckets().get(le) - (reset ? 0 : before.buckets().getOrDefault(le, 0.0));
            long inBucket = Math.max(0, Math.round(cumulative - previousCumulative));
            previousCumulative = Math.max(previousCumulative, cumulative);
            double upper = Double.isInfinite(bound) ? largestFinite : bound;
            if (!Double.isInfinite(bound)) {
                largestFinite = bound;
            }
            if (inBucket > 0) {
                double ms = seconds ? upper * 1000 : upper;
                long micros = Math.max(1, Math.min(LatencyHistograms.HIGHEST_MICROS, Math.round(ms * 1000)));
                delta.latency.recordValueWithCount(micros, inBucket);
            }
        }
        return delta;
    }

    private static Delta copy(Delta d) {
        Delta c = new Delta();
        c.add(d);
        return c;
    }

    private static Target target(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp scraped = rs.getTimestamp(8);
        return new Target(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBoolean(7),
                scraped == null ? null : scraped.toInstant(),
                rs.getString(9));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
