package dev.centaur.guard;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per caller: each caller may make {@code ratePerSecond} calls a second on
 * average and {@code burst} at once. {@link #tryAcquire} never blocks, so an overloaded service
 * answers RESOURCE_EXHAUSTED at once instead of queueing. Buckets of callers idle long enough to
 * be full again are dropped when the map grows past {@code maxCallers}.
 */
public final class RateLimiter {

    private final double ratePerNano;
    private final double burst;
    private final int maxCallers;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Refused call: when the caller may try again. */
    public record Decision(boolean allowed, long retryAfterMillis) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    public RateLimiter(double ratePerSecond, int burst, int maxCallers, LongSupplier nanoClock) {
        if (!(ratePerSecond > 0) || burst < 1 || maxCallers < 1) {
            throw new IllegalArgumentException("rate " + ratePerSecond + "/s, burst " + burst
                    + " and max callers " + maxCallers + " must be positive");
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.maxCallers = maxCallers;
        this.nanoClock = nanoClock;
    }

    public RateLimiter(double ratePerSecond, int burst, int maxCallers) {
        this(ratePerSecond, burst, maxCallers, System::nanoTime);
    }

    /** Takes one call from the caller's bucket, or says how long until one is there. */
    public Decision tryAcquire(String caller) {
        long now = nanoClock.getAsLong();
        if (buckets.size() >= maxCallers && !buckets.containsKey(caller)) {
            evictFull(now);
        }
        Bucket bucket = buckets.computeIfAbsent(caller, c -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.refill(now, ratePerNano, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Decision.ALLOWED;
            }
            long waitNanos = (long) Math.ceil((1 - bucket.tokens) / ratePerNano);
            return new Decision(false, Math.max(1, waitNanos / 1_000_000));
        }
    }

    /** Callers currently tracked. */
    public int trackedCallers() {
        return buckets.size();
    }

    private void evictFull(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next();
            synchronized (bucket) {
                bucket.refill(now, ratePerNano, burst);
                if (bucket.tokens >= burst) {
                    it.remove();
                }
            }
        }
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }

        void refill(long now, double ratePerNano, double burst) {
            tokens = Math.min(burst, tokens + (now - updatedNanos) * ratePerNano);
            updatedNanos = now;
        }
    }
}
