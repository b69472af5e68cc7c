package dev.aegis.monitor.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Group fairness of binary decisions, with Fairlearn's definitions and positive label 1 (any other label is negative).
 *
 * <p>Selection rate is the share of positive predictions in a group; demographic parity difference is the largest
 * minus the smallest selection rate, disparate impact ratio the smallest divided by the largest (NaN when no group has
 * any positive prediction, as Fairlearn's 0/0). With ground truth, true positive rate TP/(TP+FN) and false positive
 * rate FP/(FP+TN) per group, 0 for a group without actual positives or negatives respectively (Fairlearn and
 * scikit-learn's zero-division result); equal opportunity difference is the TPR gap, equalized odds difference the
 * larger of the TPR and FPR gaps.
 *
 * @param groups                      figures per group, sorted by group name
 * @param demographicParityDifference max − min selection rate
 * @param disparateImpactRatio        min / max selection rate
 * @param equalOpportunityDifference  max − min TPR; null without labels
 * @param equalizedOddsDifference     max(TPR gap, FPR gap); null without labels
 */
public record Fairness(
        List<Group> groups,
        double demographicParityDifference,
        double disparateImpactRatio,
        @Nullable Double equalOpportunityDifference,
        @Nullable Double equalizedOddsDifference) {

    /** The positive label. */
    public static final int POSITIVE = 1;

    public Fairness {
        groups = List.copyOf(groups);
    }

    /**
     * @param group             group attribute value
     * @param count             observations in the group
     * @param selectionRate     share of positive predictions
     * @param truePositiveRate  TP / (TP + FN); null without labels
     * @param falsePositiveRate FP / (FP + TN); null without labels
     */
    public record Group(
            String group,
            long count,
            double selectionRate,
            @Nullable Double truePositiveRate,
            @Nullable Double falsePositiveRate) {}

    /** Fairness of the predictions alone (no ground truth yet). */
    public static Fairness of(String[] groups, int[] predicted) {
        return of(groups, predicted, null);
    }

    /**
     * Fairness of predictions per group, with TPR and FPR figures when {@code actual} labels are given (same length).
     */
    public static Fairness of(String[] groups, int[] predicted, int @Nullable [] actual) {
        if (groups.length != predicted.length || (actual != null && actual.length != predicted.length)) {
            throw new IllegalArgumentException("groups, predictions and labels must have the same length");
        }
        if (predicted.length == 0) {
            throw new IllegalArgumentException("no observations");
        }
        // per group: count, predicted positives, then TP, FN, FP, TN
        TreeMap<String, long[]> tallies = new TreeMap<>();
        for (int i = 0; i < predicted.length; i++) {
            long[] tally = tallies.computeIfAbsent(groups[i], g -> new long[6]);
            boolean selected = predicted[i] == POSITIVE;
            tally[0]++;
            if (selected) {
                tally[1]++;
            }
            if (actual != null) {
                boolean positive = actual[i] == POSITIVE;
                tally[positive ? (selected ? 2 : 3) : (selected ? 4 : 5)]++;
            }
        }
        List<Group> figures = new ArrayList<>(tallies.size());
        Range selection = new Range();
        Range tpr = new Range();
        Range fpr = new Range();
        tallies.forEach((group, t) -> {
            double rate = (double) t[1] / t[0];
            selection.add(rate);
            Double truePositiveRate = null;
            Double falsePositiveRate = null;
            if (actual != null) {
                truePositiveRate = ratio(t[2], t[2] + t[3]);
                falsePositiveRate = ratio(t[4], t[4] + t[5]);
                tpr.add(truePositiveRate);
                fpr.add(falsePositiveRate);
            }
            figures.add(new Group(group, t[0], rate, truePositiveRate, falsePositiveRate));
        });
        Double equalOpportunity = actual == null ? null : tpr.spread();
        Double equalizedOdds = actual == null ? null : Math.max(tpr.spread(), fpr.spread());
        return new Fairness(
                figures, selection.spread(), selection.min / selection.max, equalOpportunity, equalizedOdds);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    private static final class Range {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(double value) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }

        double spread() {
            return max - min;
        }
    }
}
