package dev.aegis.monitor;

import dev.aegis.monitor.llm.PersonalData;
import dev.aegis.monitor.llm.PromptInjection;
import dev.aegis.shared.AuditableEvent;
import dev.aegis.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    /**
     * A flagged call's text as kept, with what flagged it in words ("prompt injection (score 0.90)", "in the prompt:
     * e-mail address, phone number").
     */
    public record Kept(String requestId, Instant at, List<String> flaggedFor, String prompt, String response) {}

    /** Someone read a page of a deployment's kept texts: who, which calls, never the text. */
    public record RawTextsListed(String deployment, List<String> requestIds) implements AuditableEvent {
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
            d.put("requestIds", requestIds);
            return d;
        }
    }

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
    private final JsonMapper json;

    RawTexts(
            Deployments deployments,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            JsonMapper json) {
        this.deployments = deployments;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    /** Events holding text that an injection attempt or personal data flagged (the partial index finds the text). */
    private static final String FLAGGED = " from monitor.event where deployment_id = ? and llm ?? 'text' and ("
            + "coalesce((llm->>'injectionScore')::float8, 0) >= " + PromptInjection.FLAG
            + " or jsonb_array_length(coalesce(llm->'promptPersonalData', '[]'::jsonb)) > 0"
            + " or jsonb_array_length(coalesce(llm->'responsePersonalData', '[]'::jsonb)) > 0)";

    /** How many flagged calls of the deployment still hold their text (no text is read: not audited). */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER')")
    @Transactional(readOnly = true)
    public long countFlagged(String deployment) {
        Deployment d = find(deployment);
        Long n = jdbc.queryForObject("select count(*)" + FLAGGED, Long.class, d.getId());
        return n == null ? 0 : n;
    }

    /**
     * One page of the flagged calls of the deployment that still hold their text, newest first, with what flagged
     * each; the reading is audited (one entry naming the calls on the page, never the text).
     */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER')")
    public Page<Kept> flagged(String deployment, Pageable pageable) {
        List<Kept> found = flagged(deployment, pageable.getOffset(), pageable.getPageSize());
        // a short page that is not empty ends the listing; otherwise the total is counted
        long total = !found.isEmpty() && found.size() < pageable.getPageSize()
                ? pageable.getOffset() + found.size()
                : countFlagged(deployment);
        return new PageImpl<>(found, pageable, total);
    }

    /** As {@link #flagged(String, Pageable)}, by offset (a lazy grid asks for rows, not pages); audited the same. */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER')")
    public List<Kept> flagged(String deployment, long offset, int limit) {
        Deployment d = find(deployment);
        List<Kept> found = jdbc.query(
                "select request_id, ts, llm->'text'->>'prompt', llm->'text'->>'response', llm->>'injectionScore', "
                        + "llm->>'promptPersonalData', llm->>'responsePersonalData'" + FLAGGED
                        + " order by ts desc, request_id limit ? offset ?",
                (rs, i) -> new Kept(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        flaggedFor(rs.getString(5), rs.getString(6), rs.getString(7)),
                        rs.getString(3),
                        rs.getString(4)),
                d.getId(),
                limit,
                offset);
        if (!found.isEmpty()) {
            events.publishEvent(new RawTextsListed(
                    deployment, found.stream().map(Kept::requestId).toList()));
        }
        return found;
    }

    private List<String> flaggedFor(String score, String prompt, String response) {
        List<String> why = new ArrayList<>();
        if (score != null && Double.parseDouble(score) >= PromptInjection.FLAG) {
            why.add(String.format(Locale.ROOT, "prompt injection (score %.2f)", Double.parseDouble(score)));
        }
        List<String> inPrompt =
                kinds(prompt).stream().map(PersonalData.Kind::words).toList();
        if (!inPrompt.isEmpty()) {
            why.add("in the prompt: " + String.join(", ", inPrompt));
        }
        List<String> inResponse =
                kinds(response).stream().map(PersonalData.Kind::words).toList();
        if (!inResponse.isEmpty()) {
            why.add("in the response: " + String.join(", ", inResponse));
        }
        return why;
    }

    private List<PersonalData.Kind> kinds(String array) {
        if (array == null) {
            return List.of();
        }
        List<PersonalData.Kind> kinds = new ArrayList<>();
        for (JsonNode k : json.readTree(array)) {
            try {
                kinds.add(PersonalData.Kind.valueOf(k.asString()));
            } catch (IllegalArgumentException e) {
                // a kind this version does not know: left out of the words, the call still listed
            }
        }
        return kinds;
    }

    private Deployment find(String deployment) {
        return deployments
                .findByName(deployment)
                .orElseThrow(() -> new NotFoundException("No deployment named " + deployment));
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
