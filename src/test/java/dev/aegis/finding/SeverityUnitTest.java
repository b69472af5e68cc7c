package dev.aegis.finding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.finding.FindingVocabulary.Severity;
import org.junit.jupiter.api.Test;

class SeverityUnitTest {

    @Test
    void severity_grows_with_how_far_the_figure_lies_past_the_threshold() {
        assertThat(Severity.of(0.21, 0.2, false)).isEqualTo(Severity.LOW);
        assertThat(Severity.of(0.28, 0.2, false)).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.of(0.35, 0.2, false)).isEqualTo(Severity.HIGH);
        assertThat(Severity.of(0.5, 0.2, false)).isEqualTo(Severity.CRITICAL);
        // below a floor counts the same way: accuracy 0.6 against a floor of 0.9 is a third short
        assertThat(Severity.of(0.6, 0.9, false)).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void a_control_mitigating_a_high_risk_raises_the_severity_one_step() {
        assertThat(Severity.of(0.21, 0.2, true)).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.of(0.5, 0.2, true)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void a_zero_threshold_compares_the_figure_itself() {
        assertThat(Severity.of(0.05, 0, false)).isEqualTo(Severity.LOW);
        assertThat(Severity.of(2, 0, false)).isEqualTo(Severity.CRITICAL);
    }
}
