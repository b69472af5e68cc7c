package dev.aegis.monitor.stats;

import static dev.aegis.monitor.stats.Fixtures.P_VALUE_TOLERANCE;
import static dev.aegis.monitor.stats.Fixtures.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DistributionsTest {

    static final JsonNode VALUES = Fixtures.read("distributions.json");

    @Test
    void kolmogorov_survival_matches_scipy_kstwobign_from_tiny_to_huge_arguments() {
        for (JsonNode point : VALUES.get("kolmogorov")) {
            double x = point.get("x").asDouble();
            assertClose(
                    "kstwobign.sf(" + x + ")", Distributions.kolmogorovSurvival(x), point.get("sf"), P_VALUE_TOLERANCE);
        }
        assertThat(Distributions.kolmogorovSurvival(0)).isEqualTo(1.0);
        assertThat(Distributions.kolmogorovSurvival(40)).isEqualTo(0.0);
    }

    @Test
    void chi_square_survival_matches_scipy_chi2() {
        for (JsonNode point : VALUES.get("chiSquare")) {
            double statistic = point.get("statistic").asDouble();
            int dof = point.get("dof").asInt();
            assertClose(
                    "chi2.sf(" + statistic + ", " + dof + ")",
                    Distributions.chiSquareSurvival(statistic, dof),
                    point.get("sf"),
                    P_VALUE_TOLERANCE);
        }
    }

    @Test
    void log_gamma_is_exact_on_factorials_and_half_integers() {
        assertThat(Distributions.logGamma(1)).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-14));
        assertClose("lnΓ(5)", Distributions.logGamma(5), Math.log(24), 1e-14);
        assertClose("lnΓ(0.5)", Distributions.logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
        assertClose("lnΓ(171)", Distributions.logGamma(171), 706.5730622457874, 1e-14);
    }
}
