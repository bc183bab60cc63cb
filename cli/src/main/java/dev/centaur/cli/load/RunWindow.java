package dev.centaur.cli.load;

/**
 * The phases of a run on the monotonic clock: warm-up from {@code startNanos}, the measured window
 * [measureStartNanos, measureEndNanos), then the drain. A call belongs to the phase of its intended
 * send time.
 */
public record RunWindow(long startNanos, long measureStartNanos, long measureEndNanos) {

    public enum Phase {
        /** JIT, connection pools and caches warm up; calls are checked but not timed. */
        WARMUP,
        /** The stated rates are held and every call is timed. */
        MEASURE,
        /** Submissions have stopped; annotators answer until every item has its final label. */
        DRAIN
    }

    public RunWindow {
        if (measureStartNanos - startNanos < 0 || measureEndNanos - measureStartNanos <= 0) {
            throw new IllegalArgumentException("need start <= measure start < measure end");
        }
    }

    public Phase phaseOf(long intendedNanos) {
        if (intendedNanos - measureStartNanos < 0) {
            return Phase.WARMUP;
        }
        return intendedNanos - measureEndNanos < 0 ? Phase.MEASURE : Phase.DRAIN;
    }

    public long measureNanos() {
        return measureEndNanos - measureStartNanos;
    }
}
