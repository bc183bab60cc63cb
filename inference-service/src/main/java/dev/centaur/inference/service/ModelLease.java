package dev.centaur.inference.service;

import dev.centaur.inference.batching.BatchAggregator;
import dev.centaur.inference.model.ItemFeatures;
import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.model.TextClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The right to use a loaded version until closed. */
public final class ModelLease implements AutoCloseable {

    private final ModelVersionInfo version;
    private final TextClassifier classifier;
    private final BatchAggregator<ItemFeatures, double[]> batcher;
    private final Runnable onClose;
    private boolean closed;

    ModelLease(ModelVersionInfo version, TextClassifier classifier, BatchAggregator<ItemFeatures, double[]> batcher,
            Runnable onClose) {
        this.version = version;
        this.classifier = classifier;
        this.batcher = batcher;
        this.onClose = onClose;
    }

    public ModelVersionInfo version() {
        return version;
    }

    public TextClassifier classifier() {
        return classifier;
    }

    /**
     * One distribution per item through the version's batch queue, where items of concurrent
     * requests share forward passes. Items are featurized here, on the caller's thread, so that
     * concurrent callers use every core and the queue's worker only runs forward passes. Waits for all of them; the first failure (in item order) is
     * rethrown as it is.
     *
     * @param deadlineNanos the caller's deadline in {@link System#nanoTime()} terms, or
     *        {@link BatchAggregator#NO_DEADLINE}
     * @throws dev.centaur.inference.batching.QueueFullException when the queue cannot take them all
     * @throws dev.centaur.inference.batching.DeadlineExpiredException when the deadline passed in the queue
     */
    public double[][] predict(List<ItemText> items, long deadlineNanos) {
        List<ItemFeatures> features = new ArrayList<>(items.size());
        for (ItemText item : items) {
            features.add(classifier.featurize(item));
        }
        List<CompletableFuture<double[]>> pending = batcher.submitAll(features, deadlineNanos);
        double[][] probabilities = new double[items.size()][];
        RuntimeException firstFailure = null;
        for (int i = 0; i < pending.size(); i++) {
            try {
                probabilities[i] = pending.get(i).join();
            } catch (CompletionException e) {
                if (firstFailure == null) {
                    firstFailure = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return probabilities;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
