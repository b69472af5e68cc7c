package dev.aegis.monitor;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures computed per deployment and window (drift, fairness, performance). The evaluation that computes them
 * stores each one with {@link #store}; alert rules on a metric read its newest figure of a window.
 */
@Service
@Transactional
@WhenMonitorEnabled
public class FigureService {

    private static final String COLUMNS = "f.id, d.name, f.resolution, f.window_start, f.window_end, f.metric, "
            + "f.subject, f.value, f.detail::text, f.reference::text, f.bin_edges::text, f.sample_size, "
            + "f.reference_size, f.computed_at";
    private static final RowMapper<Figure> ROW = (rs, i) -> new Figure(
            rs.getLong(1),
            rs.getString(2),
            rs.getString(3),
            rs.getTimestamp(4).toInstant(),
            rs.getTimestamp(5).toInstant(),
            rs.getString(6),
            rs.getString(7),
            (Double) rs.getObject(8),
            rs.getString(9),
            rs.getString(10),
            rs.getString(11),
            (Long) rs.getObject(12),
            (Long) rs.getObject(13),
            rs.getTimestamp(14).toInstant());

    private final JdbcTemplate jdbc;
    private final DeploymentService deployments;
    private final Clock clock;

    FigureService(JdbcTemplate jdbc, DeploymentService deployments, Clock clock) {
        this.jdbc = jdbc;
        this.deployments = deployments;
        this.clock = clock;
    }

    /** Figures of a deployment in [from, to) (by window start), optionally of one metric and resolution. */
    @PreAuthorize(Permissions.READ)
    @Transactional(readOnly = true)
    public List<Figure> figures(String deployment, String metric, Resolution resolution, Instant from, Instant to) {
        long id = deployments.find(deployment).getId();
        return jdbc.query(
                "select " + COLUMNS + " from monitor.figure f join monitor.deployment d on d.id = f.deployment_id "
                        + "where f.deployment_id = ? and (?::text is null or f.metric = ?) and (?::text is null or f.resolution = ?) "
                        + "and f.window_start >= ? and f.window_start < ? order by f.window_start, f.metric, f.subject",
                ROW,
                id,
                metric,
                metric,
                resolution == null ? null : resolution.code(),
                resolution == null ? null : resolution.code(),
                Timestamp.from(from),
                Timestamp.from(to));
    }

    /**
     * Whether the deployment receives LLM calls: LLM figures in the last 30 days, or an LLM event in the last hour
     * (before the first window is evaluated). Both reads stay on an index, however busy the deployment.
     */
    @PreAuthorize(Permissions.READ)
    @Transactional(readOnly = true)
    public boolean receivesLlmCalls(String deployment, Instant at) {
        long id = deployments.find(deployment).getId();
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from monitor.figure where deployment_id = ? and metric in "
                        + "('INPUT_TOKENS', 'OUTPUT_TOKENS', 'PROMPT_INJECTION_RATE', 'REFUSAL_RATE', 'COST') "
                        + "and window_start >= ?) or exists (select 1 from monitor.event where deployment_id = ? "
                        + "and ts >= ? and ts < ? and llm is not null)",
                Boolean.class,
                id,
                Timestamp.from(at.minus(java.time.Duration.ofDays(30))),
                id,
                Timestamp.from(at.minus(java.time.Duration.ofHours(1))),
                Timestamp.from(at.plusSeconds(60))));
    }

    /**
     * Keeps one figure. JSON arguments are JSON text (or null). Called by the monitor's own evaluation, without a
     * user: no permission check.
     */
    public long store(
            long deploymentId,
            Resolution resolution,
            Instant windowStart,
            Metric metric,
            String subject,
            Double value,
            String detailJson,
            String referenceJson,
            String binEdgesJson,
            Long sampleSize,
            Long referenceSize) {
        Long id = jdbc.queryForObject(
                "insert into monitor.figure (deployment_id, resolution, window_start, window_end, "
                        + "metric, subject, value, detail, reference, bin_edges, sample_size, reference_size, computed_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?) returning id",
                Long.class,
                deploymentId,
                resolution.code(),
                Timestamp.from(windowStart),
                Timestamp.from(windowStart.plus(resolution.length())),
                metric.name(),
                subject,
                value,
                detailJson,
                referenceJson,
                binEdgesJson,
                sampleSize,
                referenceSize,
                Timestamp.from(clock.instant()));
        return id == null ? -1 : id;
    }

    /**
     * The newest figure of each subject for this metric in the newest window (of the resolution) that ended at or
     * before {@code at} and has figures at all.
     */
    @Transactional(readOnly = true)
    List<Figure> latest(long deploymentId, Metric metric, Resolution resolution, Instant at) {
        return jdbc.query(
                "select distinct on (coalesce(f.subject, '')) " + COLUMNS + " from monitor.figure f "
                        + "join monitor.deployment d on d.id = f.deployment_id where f.deployment_id = ? and f.metric = ? "
                        + "and f.resolution = ? and f.window_end <= ? and f.window_start = (select max(g.window_start) "
                        + "from monitor.figure g where g.deployment_id = ? and g.metric = ? and g.resolution = ? "
                        + "and g.window_end <= ?) order by coalesce(f.subject, ''), f.computed_at desc, f.id desc",
                ROW,
                deploymentId,
                metric.name(),
                resolution.code(),
                Timestamp.from(at),
                deploymentId,
                metric.name(),
                resolution.code(),
                Timestamp.from(at));
    }
}
