package dev.aegis.monitor;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Latency histograms as the monitor keeps them: HdrHistogram of microseconds from 1 µs to an hour with two
 * significant digits (a bucket is at most 1/128 of its value wide, so a percentile is within 0.8 %), stored in
 * HdrHistogram's compressed encoding. Histograms of the same window add up, whichever instance recorded them.
 */
final class LatencyHistograms {

    static final long HIGHEST_MICROS = 3_600_000_000L;
    static final int DIGITS = 2;

    private LatencyHistograms() {}

    static IntCountsHistogram empty() {
        return new IntCountsHistogram(1, HIGHEST_MICROS, DIGITS);
    }

    static void record(IntCountsHistogram h, double latencyMs) {
        long micros = Math.round(latencyMs * 1000.0);
        h.recordValue(Math.max(1, Math.min(HIGHEST_MICROS, micros)));
    }

    static byte[] encode(IntCountsHistogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }

    static IntCountsHistogram decode(byte[] bytes) {
        try {
            return IntCountsHistogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 1);
        } catch (DataFormatException e) {
            throw new IllegalStateException("A stored latency histogram does not decode", e);
        }
    }

    /** The latency in milliseconds at the percentile (0–100), or null for an empty histogram. */
    static Double percentileMs(IntCountsHistogram h, double percentile) {
        return h.getTotalCount() == 0 ? null : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
