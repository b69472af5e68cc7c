package dev.aegis.monitor.stats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times all numeric drift figures ({@link NumericDrift#between}) on two samples read from files of little-endian
 * float64 (as numpy's {@code tofile} writes them). Run by {@code .ci/bench-drift.sh}, which times SciPy's
 * {@code ks_2samp} on the same files; not a test.
 */
public final class DriftBenchmark {

    private DriftBenchmark() {}

    public static void main(String[] args) throws IOException {
        double[] reference = read(Path.of(args[0]));
        double[] current = read(Path.of(args[1]));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;

        long start = System.nanoTime();
        NumericDrift first = NumericDrift.between(reference, current);
        double coldMillis = (System.nanoTime() - start) / 1e6;

        double[] millis = new double[rounds];
        NumericDrift drift = first;
        for (int i = 0; i < rounds; i++) {
            start = System.nanoTime();
            drift = NumericDrift.between(reference, current);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(
                "java NumericDrift.between  n=%d m=%d cores=%d: first call %.0f ms, then min %.0f ms, "
                        + "median %.0f ms over %d rounds%n",
                reference.length,
                current.length,
                Runtime.getRuntime().availableProcessors(),
                coldMillis,
                millis[0],
                millis[rounds / 2],
                rounds);
        System.out.printf(
                "  D=%.6f p=%.3g psi=%.6f js=%.6f w1=%.6f w1/sd=%.6f%n",
                drift.ksStatistic(),
                drift.ksPValue(),
                drift.psi(),
                drift.jensenShannon(),
                drift.wasserstein(),
                drift.wassersteinNormalized());
    }

    private static double[] read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[bytes.remaining() / Double.BYTES];
        bytes.asDoubleBuffer().get(values);
        return values;
    }
}
