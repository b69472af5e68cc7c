package dev.aegis.vendor;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a portal token, a client address): up to {@code capacity} calls at once, refilled at
 * {@code perSecond}. Past {@code maxKeys} keys, the buckets that are full again (idle keys) are dropped.
 */
final class PortalRateLimiter {

    private final double capacity;
    private final double perSecond;
    private final int maxKeys;
    private final Clock clock;
    private final ConcurrentHashMap<String, double[]> buckets = new ConcurrentHashMap<>();

    PortalRateLimiter(int capacity, double perSecond, int maxKeys, Clock clock) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Takes a call from the key's bucket: 0 when it may go ahead, else the whole seconds until one is back. */
    long tryAcquire(String key) {
        double now = clock.millis() / 1000.0;
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            buckets.values().removeIf(b -> {
                synchronized (b) {
                    return b[0] + (now - b[1]) * perSecond >= capacity;
                }
            });
        }
        double[] bucket = buckets.computeIfAbsent(key, k -> new double[] {capacity, now}); // tokens, last refill
        synchronized (bucket) {
            bucket[0] = Math.min(capacity, bucket[0] + Math.max(0, now - bucket[1]) * perSecond);
            bucket[1] = Math.max(bucket[1], now);
            if (bucket[0] >= 1) {
                bucket[0] -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket[0]) / perSecond));
        }
    }
}
