package dev.centaur.cli.load;

import java.util.function.LongConsumer;

/**
 * Fires events at a fixed rate whatever happens to the calls they start (open loop): event i is
 * meant for {@code start + i / rate} and is handed that intended time, which is where its latency
 * is measured from. The pacer never waits for a call, so a stalled service shows up as latency
 * (and a queue of calls), not as a lower offered rate; if the pacer itself wakes late, it fires
 * the missed events at once, each with its own intended time (no coordinated omission).
 */
public final class OpenLoopPacer {

    private static final double NANOS_PER_SECOND = 1e9;

    private final PacerClock clock;
    private final double ratePerSecond;

    public OpenLoopPacer(PacerClock clock, double ratePerSecond) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be > 0 per second, was " + ratePerSecond);
        }
        this.clock = clock;
        this.ratePerSecond = ratePerSecond;
    }

    /** The intended time of event {@code index} of a schedule that starts at {@code startNanos}. */
    public long intendedNanos(long startNanos, long index) {
        return startNanos + Math.round(index * NANOS_PER_SECOND / ratePerSecond);
    }

    /**
     * Fires every event intended for [startNanos, endNanos) in order, each with its intended time,
     * and returns how many it fired. An interrupt stops it early (the count so far is returned).
     */
    public long run(long startNanos, long endNanos, LongConsumer fire) {
        long fired = 0;
        for (long index = 0; ; index++) {
            long intended = intendedNanos(startNanos, index);
            if (intended - endNanos >= 0) {
                return fired;
            }
            try {
                clock.sleepUntil(intended);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fired;
            }
            fire.accept(intended);
            fired++;
        }
    }
}
