package dev.aegis.monitor.stats;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Drift of a numeric feature's current window against its reference window, with the evidence to reproduce it: the
 * nine inner bin edges (the reference's deciles) and both sides' counts in the ten bins.
 *
 * @param referenceCount             values in the reference window
 * @param currentCount               values in the current window
 * @param binEdges                   the nine inner edges e(1)…e(9); bin i is (e(i−1), e(i)], the outer bins open
 * @param referenceBinCounts         reference values per bin (ten)
 * @param currentBinCounts           current values per bin (ten)
 * @param psi                        Σ (cur − ref) · ln(cur / ref) over bin shares, empty shares replaced by 0.0001
 * @param jensenShannon              Jensen–Shannon distance over the bins, base 2, no replacement
 * @param ksStatistic                two-sample Kolmogorov–Smirnov D on the raw values
 * @param ksPValue                   {@code kstwobign.sf(sqrt(n·m/(n+m)) · D)}
 * @param wasserstein                Wasserstein-1 distance on the raw values
 * @param wassersteinNormalized      Wasserstein-1 divided by the reference's sample standard deviation; NaN when that
 *                                   is 0 or undefined (a constant or single-value reference)
 * @param referenceStandardDeviation the reference's sample standard deviation (ddof 1)
 */
public record NumericDrift(
        int referenceCount,
        int currentCount,
        double[] binEdges,
        long[] referenceBinCounts,
        long[] currentBinCounts,
        double psi,
        double jensenShannon,
        double ksStatistic,
        double ksPValue,
        double wasserstein,
        double wassersteinNormalized,
        double referenceStandardDeviation) {

    /** Below this size one thread sorts both samples; above it the reference is sorted on a second core. */
    private static final int PARALLEL_THRESHOLD = 1 << 16;

    /**
     * All figures for a reference and a current window of finite values; neither array is changed. On a machine with
     * more than one core the two samples are sorted side by side, which is most of the work.
     */
    public static NumericDrift between(double[] reference, double[] current) {
        double[] ref;
        double[] cur;
        if (Runtime.getRuntime().availableProcessors() < 2
                || Math.min(reference.length, current.length) < PARALLEL_THRESHOLD) {
            ref = Sorting.sortedCopy(reference, "reference");
            cur = Sorting.sortedCopy(current, "current");
        } else {
            CompletableFuture<double[]> sortedReference =
                    CompletableFuture.supplyAsync(() -> Sorting.sortedCopy(reference, "reference"));
            cur = Sorting.sortedCopy(current, "current");
            try {
                ref = sortedReference.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return NumericReference.ofSortedOwned(ref, "reference").compareSortedOwned(cur);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NumericDrift that
                && referenceCount == that.referenceCount
                && currentCount == that.currentCount
                && Arrays.equals(binEdges, that.binEdges)
                && Arrays.equals(referenceBinCounts, that.referenceBinCounts)
                && Arrays.equals(currentBinCounts, that.currentBinCounts)
                && Double.compare(psi, that.psi) == 0
                && Double.compare(jensenShannon, that.jensenShannon) == 0
                && Double.compare(ksStatistic, that.ksStatistic) == 0
                && Double.compare(ksPValue, that.ksPValue) == 0
                && Double.compare(wasserstein, that.wasserstein) == 0
                && Double.compare(wassersteinNormalized, that.wassersteinNormalized) == 0
                && Double.compare(referenceStandardDeviation, that.referenceStandardDeviation) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(binEdges) + Arrays.hashCode(currentBinCounts) + Double.hashCode(psi);
    }

    @Override
    public String toString() {
        return "NumericDrift[n=" + referenceCount + ", m=" + currentCount + ", edges=" + Arrays.toString(binEdges)
                + ", ref=" + Arrays.toString(referenceBinCounts) + ", cur=" + Arrays.toString(currentBinCounts)
                + ", psi=" + psi + ", js=" + jensenShannon + ", D=" + ksStatistic + ", p=" + ksPValue
                + ", w1=" + wasserstein + ", w1/sd=" + wassersteinNormalized + "]";
    }
}
