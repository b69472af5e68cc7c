package dev.aegis.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: up to {@code capacity} calls at once, refilled at {@code perSecond} calls a second.
 * Memory stays bounded: past {@code maxClients} tracked clients, the buckets that have refilled completely (idle
 * clients, indistinguishable from new ones) are dropped.
 */
public final class ClientRateLimiter {

    private final double capacity;
    private final double perSecond;
    private final int maxClients;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ClientRateLimiter(int capacity, double perSecond, int maxClients, Clock clock) {
        if (capacity < 1 || !(perSecond > 0) || maxClients < 1) {
            throw new IllegalArgumentException("capacity ≥ 1, a positive refill rate and maxClients ≥ 1 are needed");
        }
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /**
     * Takes one token of the client's bucket.
     *
     * @return 0 when the call may go ahead, else the whole seconds (at least 1) until a token is back
     */
    public long tryAcquire(String client) {
        long now = nanos(clock.instant());
        if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
            dropFullBuckets(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.refill(now, capacity, perSecond);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
        }
    }

    int trackedClients() {
        return buckets.size();
    }

    private void dropFullBuckets(long now) {
        buckets.entrySet().removeIf(entry -> {
            Bucket bucket = entry.getValue();
            synchronized (bucket) {
                bucket.refill(now, capacity, perSecond);
                return bucket.tokens >= capacity;
            }
        });
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        void refill(long now, double capacity, double perSecond) {
            if (now > updated) {
                tokens = Math.min(capacity, tokens + (now - updated) / 1e9 * perSecond);
                updated = now;
            }
        }
    }
}
