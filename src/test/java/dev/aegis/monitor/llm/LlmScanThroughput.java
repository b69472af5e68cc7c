package dev.aegis.monitor.llm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of the LLM risk scan (docs/benchmarks.md): scans the labelled texts of {@code llm/labelled-texts.tsv},
 * each as prompt and as response, on one thread, first to warm up the JIT and then timed, and prints MB of text
 * scanned per CPU second of that thread (the figure per core, whatever else runs) and per second of wall time. A long-form variant pads each text with ordinary prose to a realistic prompt
 * size (about 2 KB), where most characters are words the cheap gates skip.
 *
 * <pre>
 * ./mvnw -B -o test-compile -Dspotless.check.skip=true
 * java -cp target/test-classes:target/classes dev.aegis.monitor.llm.LlmScanThroughput 20
 * </pre>
 * Argument: seconds to measure (default 20).
 */
public final class LlmScanThroughput {

    private static final String PROSE = " The customer wrote that the delivery arrived late and the box was damaged,"
            + " and asked whether the replacement can be sent to the same address next week together with the manual"
            + " for the older model, which they could not find on the website after the recent redesign of the pages.";

    private LlmScanThroughput() {}

    public static void main(String[] args) throws IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<String> texts = new ArrayList<>();
        try (InputStream in = LlmScanThroughput.class.getResourceAsStream("/llm/labelled-texts.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    texts.add(line.split("\t", 4)[3]);
                }
            }
        }
        List<String> longTexts = texts.stream()
                .map(t -> PROSE.repeat(5) + " " + t + PROSE.repeat(2))
                .toList();
        PersonalData detector = new PersonalData();
        run("short texts (labelled set, ~60 characters each)", texts, detector, Math.max(2, seconds / 4), seconds / 2);
        run(
                "prompt-sized texts (~2 KB: labelled text in prose)",
                longTexts,
                detector,
                Math.max(2, seconds / 4),
                seconds / 2);
    }

    private static void run(String name, List<String> texts, PersonalData detector, int warmup, int seconds) {
        long bytesPerPass = 0;
        for (String t : texts) {
            bytesPerPass += 2L * t.getBytes(StandardCharsets.UTF_8).length;
        }
        long sink = 0;
        long end = System.nanoTime() + warmup * 1_000_000_000L;
        while (System.nanoTime() < end) {
            sink += pass(texts, detector);
        }
        long passes = 0;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            sink += pass(texts, detector);
            passes++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double mb = passes * bytesPerPass / 1e6;
        // per CPU second is the figure per core: on a machine shared with other work, wall time also counts waiting
        System.out.printf(
                Locale.ROOT,
                "%s: %.1f MB per CPU second, %.1f MB/s wall (%d passes of %d texts as prompt and response, %.1f s wall,"
                        + " %.1f s CPU; sink %d)%n",
                name,
                mb / cpu,
                mb / elapsed,
                passes,
                texts.size(),
                elapsed,
                cpu,
                sink);
    }

    private static long pass(List<String> texts, PersonalData detector) {
        long n = 0;
        for (String t : texts) {
            LlmSignals s = LlmSignals.scan(detector, t, t);
            n += s.promptPersonalData().size() + (s.injectionFlagged() ? 1 : 0) + (s.refusal() ? 1 : 0);
        }
        return n;
    }
}
