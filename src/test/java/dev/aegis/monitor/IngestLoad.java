package dev.aegis.monitor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for the ingestion benchmark (docs/benchmarks.md): sends pre-built batches to a running Aegis
 * through the batch API from several threads, counts what was accepted, retries 429s after their Retry-After, and
 * with a JDBC URL checks that every accepted event is in the database.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.aegis.monitor.IngestLoad \
 *     http://localhost:8080 $AEGIS_MONITOR_TOKEN 2000000 5000 4 jdbc:postgresql://localhost:5432/aegis_bench
 * </pre>
 * Arguments: base URL, monitor token, events in total, events per batch, threads, optional JDBC URL (user postgres).
 */
public final class IngestLoad {

    private IngestLoad() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        long total = Long.parseLong(args[2]);
        int batchSize = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        String jdbcUrl = args.length > 5 ? args[5] : null;
        String deployment = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        var created = client.send(
                request(base + "/monitor/v1/deployments", token, MonitorFixtures.deploymentJson(deployment, 200.0)),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "Could not register the deployment: " + created.statusCode() + " " + created.body());
        }
        List<byte[]> bodies = bodies(16, batchSize);
        long batches = total / batchSize;
        AtomicLong next = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong throttled = new AtomicLong();
        String url = base + "/monitor/v1/deployments/" + deployment + "/events";
        System.out.printf(
                "Sending %,d events in batches of %,d from %d threads to %s%n",
                batches * batchSize, batchSize, threads, url);
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < batches; i = next.getAndIncrement()) {
                        byte[] body = bodies.get((int) (i % bodies.size()));
                        while (true) {
                            var response = client.send(
                                    HttpRequest.newBuilder(URI.create(url))
                                            .header("Authorization", "Bearer " + token)
                                            .header("Content-Type", "application/json")
                                            .header("Accept", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 429) {
                                throttled.incrementAndGet();
                                Thread.sleep(Long.parseLong(response.headers()
                                                .firstValue("Retry-After")
                                                .orElse("1"))
                                        * 1000);
                                continue;
                            }
                            if (response.statusCode() != 202) {
                                throw new IllegalStateException(response.statusCode() + " " + response.body());
                            }
                            String json = response.body();
                            int at = json.indexOf("\"accepted\":") + 11;
                            accepted.addAndGet(Long.parseLong(
                                    json.substring(at, json.indexOf(',', at)).trim()));
                            break;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "accepted %,d events in %.1f s: %,.0f events/s (%d answers 429); load generator CPU %.1f s%n",
                accepted.get(),
                seconds,
                accepted.get() / seconds,
                throttled.get(),
                ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .map(d -> d.toMillis() / 1000.0)
                        .orElse(Double.NaN));
        if (jdbcUrl != null) {
            try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                    var ps = c.prepareStatement("select count(*) from monitor.event e join monitor.deployment d "
                            + "on d.id = e.deployment_id where d.name = ?")) {
                ps.setString(1, deployment);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    System.out.printf(
                            "in the database: %,d events (%s)%n",
                            rs.getLong(1),
                            rs.getLong(1) == accepted.get() ? "all accepted events are durable" : "MISMATCH");
                }
            }
        }
    }

    /** Distinct batches of realistic events around now, built before the clock starts. */
    private static List<byte[]> bodies(int count, int batchSize) {
        Random random = new Random(1);
        String[] regions = {"north", "south", "east", "west"};
        Instant now = Instant.now();
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            StringBuilder s = new StringBuilder(batchSize * 220).append('[');
            for (int i = 0; i < batchSize; i++) {
                boolean error = random.nextInt(100) == 0;
                s.append(i == 0 ? "" : ",")
                        .append("{\"requestId\":\"b")
                        .append(b)
                        .append('-')
                        .append(i)
                        .append("\",\"timestamp\":\"")
                        .append(now.minus(Duration.ofMillis(random.nextInt(60_000))))
                        .append("\",\"latencyMs\":")
                        .append(Math.round(Math.exp(3 + random.nextGaussian()) * 100) / 100.0)
                        .append(",\"outcome\":\"")
                        .append(error ? "error\",\"errorClass\":\"Timeout" : "ok")
                        .append("\",\"features\":{\"age\":")
                        .append(18 + random.nextInt(60))
                        .append(",\"region\":\"")
                        .append(regions[random.nextInt(4)])
                        .append("\"},\"predictedLabel\":\"")
                        .append(random.nextInt(2))
                        .append("\",\"score\":")
                        .append(Math.round(random.nextDouble() * 1000) / 1000.0)
                        .append(",\"group\":\"")
                        .append(random.nextBoolean() ? "f" : "m")
                        .append("\"}");
            }
            bodies.add(s.append(']').toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static HttpRequest request(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }
}
