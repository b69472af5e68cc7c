package dev.aegis.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsUnitTest {

    @Test
    void telemetry_tests_can_use_the_monitors_llm_figures() {
        assertThat(Metrics.normalise("prompt injection rate")).isEqualTo("PROMPT_INJECTION_RATE");
        assertThat(Metrics.normalise("PERSONAL_DATA_RESPONSE_RATE")).isEqualTo("PERSONAL_DATA_RESPONSE_RATE");
        assertThat(Metrics.normalise("cost")).isEqualTo("COST");
        assertThat(Metrics.figure("COST")).isTrue();
    }

    @Test
    void telemetry_tests_can_use_the_monitors_data_quality_figures() {
        assertThat(Metrics.normalise("missing value rate")).isEqualTo("MISSING_VALUE_RATE");
        assertThat(Metrics.normalise("OUT_OF_RANGE_RATE")).isEqualTo("OUT_OF_RANGE_RATE");
        assertThat(Metrics.normalise("new-category-rate")).isEqualTo("NEW_CATEGORY_RATE");
        assertThat(Metrics.figure("MISSING_VALUE_RATE")).isTrue();
    }
}
