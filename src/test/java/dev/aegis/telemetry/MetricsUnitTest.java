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
}
