package dev.aegis.monitor;

import dev.aegis.shared.AuditableEvent;
import dev.aegis.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prompt and response text a deployment keeps when it opts in ({@link Deployment#getRawTextDays()}): kept with
 * the event's LLM signals under {@code "text"}, stripped by an hourly purge (one instance at a time) once older than
 * the deployment's days, at once when the deployment stops keeping text or keeps it for fewer days. Reading a call's
 * text is for administrators and governance officers only, and each reading lands in the audit log.
 */
@Service
@Transactional
@WhenMonitorEnabled
public class RawTexts {

    /** A call's text as kept. */
    public record Text(String requestId, Instant at, String prompt, String response) {}

    /** Someone read the text of one call: who and which, never the text. */
    public record RawTextRead(String deployment, String requestId) implements AuditableEvent {
        public String objectType() {
            return "MonitorDeployment";
        }

        public String objectId() {
            return deployment;
        }

        public String action() {
            return "READ_RAW_TEXT";
        }

        public Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("deployment", deployment);
            d.put("requestId", requestId);
            return d;
        }
    }

    private final Deployments deployments;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RawTexts(Deployments deployments, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.deployments = deployments;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 300_000)
    @SchedulerLock(name = "monitor.raw-text-purge", lockAtMostFor = "PT30M")
    void purgeOnSchedule() {
        for (Deployment d : deployments.findAll()) {
            purge(d);
        }
    }

    /** Strips the text older than the deployment keeps it (all of it when it keeps none); how many events held it. */
    int purge(Deployment d) {
        Instant now = clock.instant();
        // a deployment that keeps no text may still hold some from before it stopped: everything up to now goes
        Instant cutoff = d.getRawTextDays() == null
                ? now.plus(Duration.ofDays(1))
                : now.minus(Duration.ofDays(d.getRawTextDays()));
        int stripped = 0;
        for (String table : List.of("monitor.event", "monitor.reference_event")) {
            stripped += jdbc.update(
                    "update " + table + " set llm = llm - 'text' where deployment_id = ? and llm ?? 'text' and ts < ?",
                    d.getId(),
                    Timestamp.from(cutoff));
        }
        return stripped;
    }

    /** The text kept of one call of the deployment, if any; the reading is audited. */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER')")
    public Optional<Text> read(String deployment, String requestId) {
        Deployment d = deployments
                .findByName(deployment)
                .orElseThrow(() -> new NotFoundException("No deployment named " + deployment));
        List<Text> found = jdbc.query(
                "select request_id, ts, llm->'text'->>'prompt', llm->'text'->>'response' from monitor.event "
                        + "where deployment_id = ? and request_id = ? and llm ?? 'text' order by ts desc limit 1",
                (rs, i) -> new Text(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)),
                d.getId(),
                requestId);
        events.publishEvent(new RawTextRead(deployment, requestId));
        return found.stream().findFirst();
    }
}
