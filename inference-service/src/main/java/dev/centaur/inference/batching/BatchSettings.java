package dev.centaur.inference.batching;

import java.time.Duration;

/**
 * How one model's batch aggregator forms batches.
 *
 * @param maxBatchSize items in one forward pass at most
 * @param maxDelay how long the worker waits for more items once it holds the first
 * @param queueCapacity items waiting at most; more are refused at once
 */
public record BatchSettings(int maxBatchSize, Duration maxDelay, int queueCapacity) {

    public BatchSettings {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, got " + maxBatchSize);
        }
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("maxDelay must not be negative, got " + maxDelay);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, got " + queueCapacity);
        }
    }
}
