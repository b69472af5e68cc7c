package dev.aegis.monitor.stats;

/**
 * A numeric feature's reference window, sorted once and ready to be compared with any number of current windows: its
 * decile bin edges, bin counts and sample standard deviation are computed on creation.
 *
 * <p>Bin edges are the reference's 10 %, 20 %, …, 90 % quantiles with numpy's default (linear) interpolation; bin i is
 * (e(i−1), e(i)], the outer bins open. Equal quantiles (heavy ties) give empty bins, which PSI then treats as 0.0001.
 */
public final class NumericReference {

    /** Number of bins of the PSI and Jensen–Shannon histograms. */
    public static final int BINS = 10;

    private final double[] sorted;
    private final double[] edges;
    private final long[] counts;
    private final double standardDeviation;

    private NumericReference(double[] sorted) {
        this.sorted = sorted;
        this.edges = decileEdges(sorted);
        this.counts = binCounts(sorted, edges);
        this.standardDeviation = sampleStandardDeviation(sorted);
    }

    /** Copies and sorts the reference values (finite, at least one); the caller's array is left as it was. */
    public static NumericReference of(double[] values) {
        return ofSortedOwned(Sorting.sortedCopy(values, "reference"), "reference");
    }

    /** Takes over an array already sorted ascending (checked); the caller must not change it afterwards. */
    public static NumericReference ofSorted(double[] sortedValues) {
        requireAscending(sortedValues, "reference");
        return ofSortedOwned(sortedValues, "reference");
    }

    static NumericReference ofSortedOwned(double[] sorted, String name) {
        requireFinite(sorted, name);
        return new NumericReference(sorted);
    }

    /** Compares a current window with this reference; copies and sorts the current values. */
    public NumericDrift compare(double[] current) {
        return compareSortedOwned(Sorting.sortedCopy(current, "current"));
    }

    /** Compares a current window already sorted ascending (checked, not changed). */
    public NumericDrift compareSorted(double[] sortedCurrent) {
        requireAscending(sortedCurrent, "current");
        return compareSortedOwned(sortedCurrent);
    }

    NumericDrift compareSortedOwned(double[] current) {
        requireFinite(current, "current");
        long[] currentCounts = binCounts(current, edges);
        int n = sorted.length;
        int m = current.length;
        double psi = Divergences.psi(counts, n, currentCounts, m);
        double js = Divergences.jensenShannon(counts, n, currentCounts, m);

        // One merge walk over both sorted samples gives the KS statistic (largest gap of the empirical CDFs) and the
        // Wasserstein-1 distance (area between them). The gap is kept exactly, scaled by n·m, as i·m − j·n; it is
        // read only where the value changes, so ties on either side count as SciPy's searchsorted(side='right').
        double[] a = sorted;
        double[] b = current;
        long difference;
        int i = 0;
        int j = 0;
        double x;
        if (a[0] <= b[0]) {
            x = a[i++];
            difference = m;
        } else {
            x = b[j++];
            difference = -n;
        }
        long maxDifference = 0;
        double area = 0;
        double compensation = 0;
        while (i < n || j < m) {
            boolean fromReference = j >= m || (i < n && a[i] <= b[j]);
            double y = fromReference ? a[i] : b[j];
            if (y != x) {
                long gap = Math.abs(difference);
                maxDifference = Math.max(maxDifference, gap);
                // Neumaier summation: millions of terms must agree with numpy far better than 1e-9
                double term = gap * (y - x);
                double sum = area + term;
                compensation += area >= term ? (area - sum) + term : (term - sum) + area;
                area = sum;
                x = y;
            }
            if (fromReference) {
                i++;
                difference += m;
            } else {
                j++;
                difference -= n;
            }
        }
        double scale = (double) n * m;
        double maxGap = maxDifference / scale;
        double wasserstein = (area + compensation) / scale;
        double ksPValue = Distributions.kolmogorovSurvival(Math.sqrt((double) n * m / (n + m)) * maxGap);
        double normalized = standardDeviation > 0 ? wasserstein / standardDeviation : Double.NaN;
        return new NumericDrift(
                n,
                m,
                edges.clone(),
                counts.clone(),
                currentCounts,
                psi,
                js,
                maxGap,
                ksPValue,
                wasserstein,
                normalized,
                standardDeviation);
    }

    public int count() {
        return sorted.length;
    }

    /** The nine inner bin edges. */
    public double[] binEdges() {
        return edges.clone();
    }

    /** Sample standard deviation (ddof 1); NaN for a single value. */
    public double standardDeviation() {
        return standardDeviation;
    }

    /** The q-quantile of sorted values as {@code numpy.quantile(values, q)} (method 'linear'), bit for bit. */
    static double quantile(double[] sorted, double q) {
        int n = sorted.length;
        double virtualIndex = (n - 1) * q;
        if (virtualIndex >= n - 1) {
            return sorted[n - 1];
        }
        int below = (int) Math.floor(virtualIndex);
        double gamma = virtualIndex - below;
        double low = sorted[below];
        double high = sorted[below + 1];
        double difference = high - low;
        // numpy's _lerp interpolates from the nearer end, so that the result stays within [low, high]
        return gamma >= 0.5 ? high - difference * (1 - gamma) : low + difference * gamma;
    }

    static double[] decileEdges(double[] sorted) {
        double[] edges = new double[BINS - 1];
        for (int i = 1; i < BINS; i++) {
            edges[i - 1] = quantile(sorted, i / 10.0);
        }
        return edges;
    }

    /** Counts per bin (e(i−1), e(i)] of sorted values, by binary search: O(bins · log n). */
    static long[] binCounts(double[] sorted, double[] edges) {
        long[] counts = new long[edges.length + 1];
        int below = 0;
        for (int i = 0; i < edges.length; i++) {
            int upTo = countAtMost(sorted, edges[i]);
            counts[i] = upTo - below;
            below = upTo;
        }
        counts[edges.length] = sorted.length - below;
        return counts;
    }

    /** Number of sorted values ≤ x (numpy's searchsorted side='right'). */
    static int countAtMost(double[] sorted, double x) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= x) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Two-pass standard deviation with ddof 1 (numpy's np.std(values, ddof=1)), compensated sums. */
    static double sampleStandardDeviation(double[] values) {
        int n = values.length;
        if (n < 2) {
            return Double.NaN;
        }
        double sum = 0;
        double compensation = 0;
        for (double value : values) {
            double next = sum + value;
            compensation += Math.abs(sum) >= Math.abs(value) ? (sum - next) + value : (value - next) + sum;
            sum = next;
        }
        double mean = (sum + compensation) / n;
        sum = 0;
        compensation = 0;
        for (double value : values) {
            double term = (value - mean) * (value - mean);
            double next = sum + term;
            compensation += sum >= term ? (sum - next) + term : (term - next) + sum;
            sum = next;
        }
        return Math.sqrt((sum + compensation) / (n - 1));
    }

    private static void requireFinite(double[] sorted, String name) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("the " + name + " sample is empty");
        }
        // sorted ascending, NaN last: the two ends decide
        if (!Double.isFinite(sorted[0]) || !Double.isFinite(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("the " + name + " sample holds NaN or infinite values");
        }
    }

    private static void requireAscending(double[] values, String name) {
        for (int i = 1; i < values.length; i++) {
            if (Double.isNaN(values[i - 1]) || Double.isNaN(values[i])) {
                throw new IllegalArgumentException("the " + name + " sample holds NaN values");
            }
            if (values[i - 1] > values[i]) {
                throw new IllegalArgumentException("the " + name + " sample is not sorted ascending at index " + i);
            }
        }
    }
}
