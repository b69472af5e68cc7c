package dev.aegis.monitor.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drift of a categorical feature (or of the predicted labels) between a reference and a current window, from the
 * counts per category.
 *
 * <p>The chi-square test of homogeneity runs on the 2×k table of counts without continuity correction, as
 * {@code scipy.stats.chi2_contingency(table, correction=False)}, over the k categories seen in either window (a
 * category seen in neither has an expected count of 0, which SciPy refuses). With a single category there is nothing
 * to test: statistic 0, 0 degrees of freedom, p-value 1, as SciPy answers. PSI and Jensen–Shannon run over all the
 * categories given, a category missing on one side counting as a share of 0 (0.0001 for PSI).
 *
 * @param categories       category names, in the order of the counts
 * @param referenceCounts  reference count per category
 * @param currentCounts    current count per category
 * @param chiSquare        chi-square statistic
 * @param degreesOfFreedom k − 1
 * @param pValue           {@code chi2.sf(chiSquare, degreesOfFreedom)}
 * @param psi              population stability index over category shares
 * @param jensenShannon    Jensen–Shannon distance over category shares, base 2
 */
public record CategoricalDrift(
        List<String> categories,
        long[] referenceCounts,
        long[] currentCounts,
        double chiSquare,
        int degreesOfFreedom,
        double pValue,
        double psi,
        double jensenShannon) {

    public CategoricalDrift {
        categories = List.copyOf(categories);
    }

    /** Compares counts per category name; categories are sorted by name in the result. */
    public static CategoricalDrift between(Map<String, Long> reference, Map<String, Long> current) {
        List<String> categories = new ArrayList<>(new TreeSet<>(union(reference, current)));
        long[] ref = new long[categories.size()];
        long[] cur = new long[categories.size()];
        for (int i = 0; i < categories.size(); i++) {
            ref[i] = reference.getOrDefault(categories.get(i), 0L);
            cur[i] = current.getOrDefault(categories.get(i), 0L);
        }
        return between(categories, ref, cur);
    }

    private static Set<String> union(Map<String, Long> reference, Map<String, Long> current) {
        Set<String> all = new HashSet<>(reference.keySet());
        all.addAll(current.keySet());
        return all;
    }

    /** Compares counts aligned with the given categories; both windows must hold at least one observation. */
    public static CategoricalDrift between(List<String> categories, long[] reference, long[] current) {
        if (reference.length != categories.size() || current.length != categories.size()) {
            throw new IllegalArgumentException("counts must align with the " + categories.size() + " categories");
        }
        long referenceTotal = total(reference, "reference");
        long currentTotal = total(current, "current");
        double all = (double) referenceTotal + currentTotal;
        double statistic = 0;
        int seen = 0;
        for (int i = 0; i < reference.length; i++) {
            long column = reference[i] + current[i];
            if (column == 0) {
                continue;
            }
            seen++;
            double expectedReference = (double) referenceTotal * column / all;
            double expectedCurrent = (double) currentTotal * column / all;
            double r = reference[i] - expectedReference;
            double c = current[i] - expectedCurrent;
            statistic += r * r / expectedReference + c * c / expectedCurrent;
        }
        int dof = seen - 1;
        double pValue = 1.0;
        if (dof == 0) {
            statistic = 0;
        } else {
            pValue = Distributions.chiSquareSurvival(statistic, dof);
        }
        return new CategoricalDrift(
                categories,
                reference.clone(),
                current.clone(),
                statistic,
                dof,
                pValue,
                Divergences.psi(reference, referenceTotal, current, currentTotal),
                Divergences.jensenShannon(reference, referenceTotal, current, currentTotal));
    }

    private static long total(long[] counts, String name) {
        long total = 0;
        for (long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("the " + name + " counts hold a negative count");
            }
            total += count;
        }
        if (total == 0) {
            throw new IllegalArgumentException("the " + name + " window has no observations");
        }
        return total;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CategoricalDrift that
                && categories.equals(that.categories)
                && Arrays.equals(referenceCounts, that.referenceCounts)
                && Arrays.equals(currentCounts, that.currentCounts)
                && Double.compare(chiSquare, that.chiSquare) == 0
                && degreesOfFreedom == that.degreesOfFreedom
                && Double.compare(pValue, that.pValue) == 0
                && Double.compare(psi, that.psi) == 0
                && Double.compare(jensenShannon, that.jensenShannon) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * categories.hashCode() + Arrays.hashCode(currentCounts);
    }

    @Override
    public String toString() {
        return "CategoricalDrift[categories=" + categories + ", ref=" + Arrays.toString(referenceCounts) + ", cur="
                + Arrays.toString(currentCounts) + ", chi2=" + chiSquare + ", dof=" + degreesOfFreedom + ", p="
                + pValue + ", psi=" + psi + ", js=" + jensenShannon + "]";
    }
}
