package dev.centaur.inference.batching;

/** What an aggregator reports, for metrics; every method has a no-op default. */
public interface BatchListener {

    BatchListener NONE = new BatchListener() {
    };

    /** A job left the queue for a forward pass after waiting this long. */
    default void queued(long waitNanos) {
    }

    /** A forward pass of this many items took this long (including any single retries). */
    default void batchRan(int size, long passNanos) {
    }

    /** A job was answered (or failed) this long after it was submitted. */
    default void completed(long latencyNanos) {
    }
}
