package dev.aegis.monitor.stats;

/**
 * Tail probabilities the drift tests need: the Kolmogorov limiting distribution (SciPy's {@code kstwobign}) and the
 * chi-square distribution through the regularized upper incomplete gamma function. Accurate to about 1e-14 relative
 * where the result is representable; results below the smallest double are 0, as in SciPy.
 */
public final class Distributions {

    private static final double EPSILON = 1e-16;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 100_000;
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    /** Below this argument the theta-function series for the CDF converges fast; above it the alternating one. */
    private static final double KOLMOGOROV_CUTOVER = 0.82;

    private Distributions() {}

    /**
     * Survival function of the Kolmogorov distribution, P(K > x), as {@code scipy.stats.kstwobign.sf(x)}.
     * For x above the cutover: 2 Σ (-1)^(k-1) e^(-2k²x²); below it 1 − √(2π)/x Σ e^(-(2k-1)²π²/(8x²)).
     */
    public static double kolmogorovSurvival(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1.0;
        }
        if (x <= KOLMOGOROV_CUTOVER) {
            double cdf = 0;
            double scale = -Math.PI * Math.PI / (8 * x * x);
            for (int k = 1; k < 1000; k++) {
                double odd = 2 * k - 1;
                double term = Math.exp(odd * odd * scale);
                cdf += term;
                if (term <= EPSILON * cdf || term == 0) {
                    break;
                }
            }
            return 1 - Math.sqrt(2 * Math.PI) / x * cdf;
        }
        // Terms fall as e^(-2k²x²) ≤ 0.26^(k²): at most a handful matter. Sum them backwards, smallest first.
        double[] terms = new double[8];
        int count = 0;
        double first = Math.exp(-2 * x * x);
        for (int k = 1; k <= terms.length; k++) {
            double term = Math.exp(-2.0 * k * k * x * x);
            if (term == 0 || term < EPSILON * first) {
                break;
            }
            terms[count++] = term;
        }
        double sum = 0;
        for (int k = count; k >= 1; k--) {
            sum += (k % 2 == 1) ? terms[k - 1] : -terms[k - 1];
        }
        return 2 * sum;
    }

    /** Survival function of the chi-square distribution, as {@code scipy.stats.chi2.sf(statistic, dof)}. */
    public static double chiSquareSurvival(double statistic, int degreesOfFreedom) {
        if (degreesOfFreedom <= 0) {
            throw new IllegalArgumentException("degrees of freedom must be positive, was " + degreesOfFreedom);
        }
        if (statistic <= 0) {
            return 1.0;
        }
        return regularizedGammaQ(degreesOfFreedom / 2.0, statistic / 2.0);
    }

    /** The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), as {@code scipy.special.gammaincc}. */
    public static double regularizedGammaQ(double a, double x) {
        if (!(a > 0) || Double.isNaN(x)) {
            throw new IllegalArgumentException("Q(a, x) needs a > 0 and a number x, was a=" + a + ", x=" + x);
        }
        if (x <= 0) {
            return 1.0;
        }
        if (Double.isInfinite(x)) {
            return 0.0;
        }
        if (x < a + 1) {
            return 1 - lowerSeries(a, x);
        }
        return upperContinuedFraction(a, x);
    }

    /** P(a, x) by its power series, for x < a + 1. */
    private static double lowerSeries(double a, double x) {
        double ap = a;
        double term = 1 / a;
        double sum = term;
        for (int n = 0; n < MAX_ITERATIONS; n++) {
            ap += 1;
            term *= x / ap;
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    /** Q(a, x) by its continued fraction (modified Lentz), for x ≥ a + 1. */
    private static double upperContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** ln Γ(a) for a > 0: Stirling's series from 10 up, the recurrence Γ(a) = Γ(a + k) / (a(a+1)…(a+k−1)) below. */
    public static double logGamma(double a) {
        if (!(a > 0)) {
            throw new IllegalArgumentException("logGamma needs a > 0, was " + a);
        }
        double shift = 0;
        double z = a;
        double product = 1;
        while (z < 10) {
            product *= z;
            z += 1;
        }
        if (product != 1) {
            shift = Math.log(product);
        }
        double inverse = 1 / z;
        double inverseSquare = inverse * inverse;
        // Bernoulli terms B2k / (2k(2k−1) z^(2k−1)), k = 1..8: below 1e-17 relative for z ≥ 10
        double series = inverse
                * (1.0 / 12
                        + inverseSquare
                                * (-1.0 / 360
                                        + inverseSquare
                                                * (1.0 / 1260
                                                        + inverseSquare
                                                                * (-1.0 / 1680
                                                                        + inverseSquare
                                                                                * (1.0 / 1188
                                                                                        + inverseSquare
                                                                                                * (-691.0 / 360360
                                                                                                        + inverseSquare
                                                                                                                * (1.0
                                                                                                                                / 156
                                                                                                                        + inverseSquare
                                                                                                                                * (-3617.0
                                                                                                                                        / 122400))))))));
        return (z - 0.5) * Math.log(z) - z + HALF_LOG_TWO_PI + series - shift;
    }
}
