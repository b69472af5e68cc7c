package dev.aegis.finding;

import dev.aegis.shared.MetricVocabulary;
import dev.aegis.shared.StartupWork;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A finding's title, in words: "Drift watch: PSI of text_length to stay below 0.1000 failed on Triage" for a failed
 * telemetry test, "Alert on support-chatbot: p95 latency past 800 (Vendor LLM chatbot)" for an alert seen open.
 *
 * <p>Findings opened before titles were worded keep codes in their stored title ("…: KS_P_VALUE of age LT 0.05 failed
 * on …"). Once Aegis is ready, {@link #reword()} rewrites the coded part of each such title with the words new
 * findings get, from the finding's own stored metric, subject, comparison and threshold; the rest (the control's and
 * the system's names as they read when it opened) stays. It is idempotent: a worded title no longer contains the
 * coded part, so a second run changes nothing. A wording repair of stored text, not a change of the finding: it is
 * not audited and does not touch the finding's version.
 */
@Component
class FindingTitles {

    private static final Logger log = LoggerFactory.getLogger(FindingTitles.class);
    private final JdbcTemplate jdbc;
    private final StartupWork startup;

    FindingTitles(JdbcTemplate jdbc, StartupWork startup) {
        this.jdbc = jdbc;
        this.startup = startup;
    }

    /** A failed telemetry test's finding. */
    static String test(
            String controlTitle, String metric, String subject, String comparison, Double threshold, String system) {
        return controlTitle + ": " + testCondition(metric, subject, comparison, threshold) + " failed on " + system;
    }

    /** An alert's finding. */
    static String alert(String deployment, String metric, String subject, Double threshold, String system) {
        return "Alert on " + deployment + ": " + MetricVocabulary.metric(metric, subject) + " past "
                + FindingNotices.number(threshold) + " (" + system + ")";
    }

    /** "PSI of text_length to stay below 0.1000", never the codes "LT" or "KS_P_VALUE". */
    private static String testCondition(String metric, String subject, String comparison, Double threshold) {
        return MetricVocabulary.metric(metric, subject) + " "
                + (comparison == null ? "against" : "to stay " + MetricVocabulary.comparison(comparison))
                + " " + FindingNotices.number(threshold);
    }

    /** How titles read before they were worded: the codes as they came ("KS_P_VALUE of age LT 0.05"). */
    private static String codedTestCondition(String metric, String subject, String comparison, Double threshold) {
        return metric + (subject == null ? "" : " of " + subject) + " " + (comparison == null ? "against" : comparison)
                + " " + FindingNotices.number(threshold);
    }

    private static String codedAlertMetric(String metric, String subject) {
        return metric + (subject == null ? "" : " of " + subject);
    }

    /**
     * The title in words, or the stored one when it has no coded part (already worded, or written by hand): only the
     * coded part between "control: " and " failed on", or between "Alert on deployment: " and " past ", is replaced.
     */
    static String worded(
            String title, String cause, String metric, String subject, String comparison, Double threshold) {
        if (title == null || metric == null || cause == null) {
            return title;
        }
        String s = subject == null || subject.isBlank() ? null : subject.trim();
        if (cause.startsWith("test:")) {
            String coded = ": " + codedTestCondition(metric, s, comparison, threshold) + " failed on ";
            int at = title.lastIndexOf(coded);
            return at < 0
                    ? title
                    : title.substring(0, at) + ": " + testCondition(metric, s, comparison, threshold) + " failed on "
                            + title.substring(at + coded.length());
        }
        if (cause.startsWith("alert:") && title.startsWith("Alert on ")) {
            String coded = ": " + codedAlertMetric(metric, s) + " past ";
            int at = title.indexOf(coded);
            return at < 0
                    ? title
                    : title.substring(0, at) + ": " + MetricVocabulary.metric(metric, s) + " past "
                            + title.substring(at + coded.length());
        }
        return title;
    }

    /** Rewords the titles that still carry codes; answers how many it changed. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        startup.run("rewording old finding titles", this::reword);
    }

    int reword() {
        List<Object[]> changes = new ArrayList<>();
        jdbc.query(
                // a coded part starts with the metric's code: only titles holding it can need words
                "select id, title, cause, metric, subject, comparison, threshold from finding.finding"
                        + " where metric is not null and strpos(title, metric) > 0",
                rs -> {
                    String title = rs.getString("title");
                    double t = rs.getDouble("threshold");
                    Double threshold = rs.wasNull() ? null : t;
                    String now = worded(
                            title,
                            rs.getString("cause"),
                            rs.getString("metric"),
                            rs.getString("subject"),
                            rs.getString("comparison"),
                            threshold);
                    if (!now.equals(title)) {
                        changes.add(new Object[] {now, rs.getLong("id"), title});
                    }
                });
        if (!changes.isEmpty()) {
            // the stored title must still be the one read: a finding changed meanwhile keeps its new title
            jdbc.batchUpdate("update finding.finding set title = ? where id = ? and title = ?", changes);
            log.info("Reworded {} finding titles that carried metric or comparison codes", changes.size());
        }
        return changes.size();
    }
}
