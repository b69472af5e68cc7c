package dev.aegis.finding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class FindingTitlesTest {

    @Autowired
    TelemetryFixtures telemetry;

    @Autowired
    FindingTitles titles;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_title_stored_with_codes_is_reworded_as_new_findings_read_and_a_second_run_changes_nothing() {
        var coded = telemetry.breached("Coded", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        var fresh = telemetry.breached("Fresh", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String freshTitle = title(fresh.findingId());
        // as findings opened before titles were worded read
        jdbc.update(
                "update finding.finding set metric = 'KS_P_VALUE', subject = 'age', comparison = 'GT', threshold = 0.05,"
                        + " title = 'Drift watch: KS_P_VALUE of age GT 0.05000 failed on Triage' where id = ?",
                coded.findingId());

        assertThat(titles.reword()).isPositive();

        assertThat(title(coded.findingId()))
                .isEqualTo("Drift watch: Kolmogorov–Smirnov p-value of age to stay above 0.05000 failed on Triage")
                .isEqualTo(FindingTitles.test("Drift watch", "KS_P_VALUE", "age", "GT", 0.05, "Triage"));
        assertThat(title(fresh.findingId())).as("a worded title stays as it is").isEqualTo(freshTitle);
        titles.reword();
        assertThat(title(coded.findingId()))
                .isEqualTo("Drift watch: Kolmogorov–Smirnov p-value of age to stay above 0.05000 failed on Triage");
    }

    @Test
    void an_alerts_coded_metric_is_reworded_and_a_title_without_codes_is_left_alone() {
        assertThat(FindingTitles.worded(
                        "Alert on support-chatbot: LATENCY_P95 past 800 (Vendor LLM chatbot)",
                        "alert:embedded/support-chatbot/LATENCY_P95/",
                        "LATENCY_P95",
                        null,
                        null,
                        800.0))
                .isEqualTo("Alert on support-chatbot: p95 latency past 800 (Vendor LLM chatbot)");
        assertThat(FindingTitles.worded(
                        "Alert on support-chatbot: p95 latency past 800 (Vendor LLM chatbot)",
                        "alert:embedded/support-chatbot/LATENCY_P95/",
                        "LATENCY_P95",
                        null,
                        null,
                        800.0))
                .isEqualTo("Alert on support-chatbot: p95 latency past 800 (Vendor LLM chatbot)");
        assertThat(FindingTitles.worded(
                        "Fairness: PSI of text_length LT 0.1000 failed on Triage",
                        "test:7",
                        "PSI",
                        "text_length",
                        "LT",
                        0.1))
                .isEqualTo("Fairness: PSI of text_length to stay below 0.1000 failed on Triage");
    }

    private String title(long id) {
        return jdbc.queryForObject("select title from finding.finding where id = ?", String.class, id);
    }
}
