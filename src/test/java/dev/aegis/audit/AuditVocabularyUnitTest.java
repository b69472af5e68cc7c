package dev.aegis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.shared.MetricVocabulary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditVocabularyUnitTest {

    @Test
    void a_change_reads_field_before_arrow_after() {
        String json = CanonicalJson.write(Map.of(
                "lifecycleStage",
                Map.of("before", "TRAINING", "after", "DEPLOYMENT"),
                "protectedAttributes",
                Map.of("before", "[]", "after", "[age, sex]")));
        assertThat(AuditVocabulary.changes(json))
                .containsExactly("lifecycle stage: TRAINING → DEPLOYMENT", "protected attributes: none → age, sex");
    }

    @Test
    void a_created_record_lists_its_fields_and_empty_lists_read_none() {
        String json = CanonicalJson.write(Map.of("name", "Diagnosis assistant", "tags", List.of(), "score", 12));
        assertThat(AuditVocabulary.changes(json))
                .containsExactly("name: Diagnosis assistant", "score: 12", "tags: none");
    }

    @Test
    void actions_and_object_types_are_words() {
        assertThat(AuditVocabulary.action("EXTEND_RECORD")).isEqualTo("Extended a record");
        assertThat(AuditVocabulary.action("RECORD_PASSED")).isEqualTo("Test passed");
        assertThat(AuditVocabulary.action("WARN_30")).isEqualTo("Warn 30");
        assertThat(AuditVocabulary.objectType("AlertRule")).isEqualTo("Alert rule");
        assertThat(AuditVocabulary.objectType("AiSystem")).isEqualTo("AI system");
    }

    @Test
    void metric_and_comparison_codes_are_words() {
        assertThat(MetricVocabulary.metric("KS_P_VALUE")).isEqualTo("Kolmogorov–Smirnov p-value");
        assertThat(MetricVocabulary.metric("JS_DISTANCE", "age")).isEqualTo("Jensen–Shannon distance of age");
        assertThat(MetricVocabulary.comparison("LT")).isEqualTo("below");
        assertThat(MetricVocabulary.metricInSentence("LATENCY_P95")).isEqualTo("p95 latency");
        assertThat(MetricVocabulary.metricInSentence("ERROR_RATE")).isEqualTo("error rate");
    }
}
