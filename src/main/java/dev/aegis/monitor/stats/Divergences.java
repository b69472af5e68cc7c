package dev.aegis.monitor.stats;

/**
 * PSI and Jensen–Shannon distance between two histograms given as counts over the same bins or categories, defined as
 * in issue 6 and computed in the order SciPy and numpy compute them.
 */
final class Divergences {

    /** Share used in place of an empty bin's 0 for PSI, on both sides. */
    static final double EMPTY_SHARE = 0.0001;

    private static final double LOG_TWO = Math.log(2);

    private Divergences() {}

    /**
     * Population stability index Σ (cur − ref) · ln(cur / ref) over shares, each share of 0 replaced by 0.0001 first.
     */
    static double psi(long[] referenceCounts, long referenceTotal, long[] currentCounts, long currentTotal) {
        double psi = 0;
        for (int i = 0; i < referenceCounts.length; i++) {
            double ref = share(referenceCounts[i], referenceTotal);
            double cur = share(currentCounts[i], currentTotal);
            psi += (cur - ref) * Math.log(cur / ref);
        }
        return psi;
    }

    private static double share(long count, long total) {
        double share = (double) count / total;
        return share == 0 ? EMPTY_SHARE : share;
    }

    /**
     * Jensen–Shannon distance in base 2, without any replacement, as
     * {@code scipy.spatial.distance.jensenshannon(p, q, base=2)}: the square root of the divergence, between 0 and 1.
     */
    static double jensenShannon(long[] referenceCounts, long referenceTotal, long[] currentCounts, long currentTotal) {
        double left = 0;
        double right = 0;
        for (int i = 0; i < referenceCounts.length; i++) {
            double p = (double) referenceCounts[i] / referenceTotal;
            double q = (double) currentCounts[i] / currentTotal;
            double m = (p + q) / 2.0;
            left += relativeEntropy(p, m);
            right += relativeEntropy(q, m);
        }
        double divergence = (left + right) / LOG_TWO;
        // rounding can leave a hair below zero for identical histograms; SciPy would answer NaN there
        return Math.sqrt(Math.max(divergence / 2.0, 0));
    }

    /** {@code scipy.special.rel_entr}: x ln(x / y), 0 for x = 0. */
    private static double relativeEntropy(double x, double y) {
        return x == 0 ? 0 : x * Math.log(x / y);
    }
}
