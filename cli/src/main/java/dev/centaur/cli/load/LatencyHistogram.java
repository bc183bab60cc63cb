package dev.centaur.cli.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, counted in log-linear buckets (the layout HdrHistogram uses): exact
 * below 256 µs, then 128 buckets per power of two, so a reported value is at most 1/128 (0.8%)
 * above the true one. Safe to record from many threads at once; min, max and count are exact.
 */
public final class LatencyHistogram {

    /** Values below this are their own bucket. */
    private static final int EXACT_BELOW = 256;
    /** Buckets per power of two above {@link #EXACT_BELOW}. */
    private static final int SUB_BUCKETS = 128;
    private static final int SUB_BUCKET_BITS = 7;
    /** One hour in microseconds: longer latencies are counted as one hour (no call waits that long). */
    public static final long HIGHEST_MICROS = 3_600_000_000L;

    private final AtomicLongArray counts = new AtomicLongArray(indexOf(HIGHEST_MICROS) + 1);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong max = new AtomicLong();
    private final AtomicLong min = new AtomicLong(Long.MAX_VALUE);

    /** Records one latency given in nanoseconds (negative counts as 0). */
    public void recordNanos(long nanos) {
        recordMicros(Math.max(0, nanos) / 1_000);
    }

    public void recordMicros(long micros) {
        long value = Math.min(Math.max(0, micros), HIGHEST_MICROS);
        counts.incrementAndGet(indexOf(value));
        total.incrementAndGet();
        max.accumulateAndGet(value, Math::max);
        min.accumulateAndGet(value, Math::min);
    }

    public long count() {
        return total.get();
    }

    /** The largest recorded value, exact; 0 when empty. */
    public long maxMicros() {
        return total.get() == 0 ? 0 : max.get();
    }

    /** The smallest recorded value, exact; 0 when empty. */
    public long minMicros() {
        return total.get() == 0 ? 0 : min.get();
    }

    /**
     * The value at the percentile: the smallest recorded value v such that at least
     * {@code ceil(percentile / 100 * count)} values are at most v (nearest rank), reported as the
     * upper end of its bucket but never above the exact maximum. 0 when empty.
     */
    public long percentileMicros(double percentile) {
        if (percentile < 0 || percentile > 100 || Double.isNaN(percentile)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], was " + percentile);
        }
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile * n / 100.0));
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(Math.max(highestInBucket(i), minMicros()), maxMicros());
            }
        }
        return maxMicros();
    }

    static int indexOf(long micros) {
        if (micros < EXACT_BELOW) {
            return (int) micros;
        }
        int shift = (63 - Long.numberOfLeadingZeros(micros)) - SUB_BUCKET_BITS;
        int sub = (int) (micros >> shift) - SUB_BUCKETS;
        return EXACT_BELOW + (shift - 1) * SUB_BUCKETS + sub;
    }

    /** The largest value that falls into bucket {@code index}. */
    static long highestInBucket(int index) {
        if (index < EXACT_BELOW) {
            return index;
        }
        int above = index - EXACT_BELOW;
        int shift = above / SUB_BUCKETS + 1;
        long sub = SUB_BUCKETS + (above % SUB_BUCKETS);
        return ((sub + 1) << shift) - 1;
    }
}
