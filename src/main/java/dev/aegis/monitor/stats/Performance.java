package dev.aegis.monitor.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Classification performance against ground truth, with scikit-learn's definitions. Labels within {0, 1} are a binary
 * task with positive label 1 ({@code average='binary'}); any other label set is multi-class, and precision, recall and
 * F1 are the unweighted means over the labels seen in either the truth or the predictions ({@code average='macro'}).
 * Where a ratio's denominator is 0 (no predicted or no actual instances of a label) it counts as 0, which is
 * scikit-learn's result for {@code zero_division="warn"} (the default) and {@code zero_division=0}. Per label, F1 is
 * 2TP / (2TP + FP + FN), as scikit-learn computes it since 1.3.
 *
 * @param count     observations
 * @param accuracy  share of predictions equal to the truth
 * @param precision TP / (TP + FP), binary or macro
 * @param recall    TP / (TP + FN), binary or macro
 * @param f1        harmonic mean of precision and recall per label, binary or macro
 * @param average   "binary" or "macro"
 * @param labels    the labels averaged over (for "binary" just 1)
 */
public record Performance(
        long count, double accuracy, double precision, double recall, double f1, String average, List<Integer> labels) {

    public Performance {
        labels = List.copyOf(labels);
    }

    public static Performance of(int[] actual, int[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("labels and predictions must have the same length");
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("no observations");
        }
        int[] labels = distinctLabels(actual, predicted);
        boolean binary = labels[0] >= 0 && labels[labels.length - 1] <= 1;
        int[] averaged = binary ? new int[] {Fairness.POSITIVE} : labels;
        // per averaged label: TP, FP, FN
        long[][] tallies = new long[averaged.length][3];
        long correct = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == predicted[i]) {
                correct++;
            }
            int truth = Arrays.binarySearch(averaged, actual[i]);
            int guess = Arrays.binarySearch(averaged, predicted[i]);
            if (truth >= 0 && truth == guess) {
                tallies[truth][0]++;
                continue;
            }
            if (guess >= 0) {
                tallies[guess][1]++;
            }
            if (truth >= 0) {
                tallies[truth][2]++;
            }
        }
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        for (long[] t : tallies) {
            precision += ratio(t[0], t[0] + t[1]);
            recall += ratio(t[0], t[0] + t[2]);
            f1 += ratio(2 * t[0], 2 * t[0] + t[1] + t[2]);
        }
        int k = averaged.length;
        return new Performance(
                actual.length,
                (double) correct / actual.length,
                precision / k,
                recall / k,
                f1 / k,
                binary ? "binary" : "macro",
                Arrays.stream(averaged).boxed().toList());
    }

    private static int[] distinctLabels(int[] actual, int[] predicted) {
        return java.util.stream.IntStream.concat(Arrays.stream(actual), Arrays.stream(predicted))
                .distinct()
                .sorted()
                .toArray();
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
