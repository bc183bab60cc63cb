package dev.centaur.inference.service;

import dev.centaur.inference.batching.BatchAggregator;
import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.model.LabelModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The right to use a loaded version until closed. */
public final class ModelLease implements AutoCloseable {

    private final ModelVersionInfo version;
    private final Pipeline<?> pipeline;
    private final Runnable onClose;
    private boolean closed;

    ModelLease(ModelVersionInfo version, Pipeline<?> pipeline, Runnable onClose) {
        this.version = version;
        this.pipeline = pipeline;
        this.onClose = onClose;
    }

    public ModelVersionInfo version() {
        return version;
    }

    /**
     * One distribution per item through the version's batch queue, where items of concurrent
     * requests share forward passes. Items are prepared (featurized, tokenized) here, on the
     * caller's thread, so that concurrent callers use every core and the queue's worker only runs
     * forward passes. Waits for all of them; the first failure (in item order) is rethrown as it is.
     *
     * @param deadlineNanos the caller's deadline in {@link System#nanoTime()} terms, or
     *        {@link BatchAggregator#NO_DEADLINE}
     * @throws dev.centaur.inference.batching.QueueFullException when the queue cannot take them all
     * @throws dev.centaur.inference.batching.DeadlineExpiredException when the deadline passed in the queue
     */
    public double[][] predict(List<ItemText> items, long deadlineNanos) {
        List<CompletableFuture<double[]>> pending = pipeline.submit(items, deadlineNanos);
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

    /** A model and its batch queue, typed by the model's prepared item. */
    record Pipeline<P>(LabelModel<P> model, BatchAggregator<P, double[]> batcher) {

        List<CompletableFuture<double[]>> submit(List<ItemText> items, long deadlineNanos) {
            List<P> prepared = new ArrayList<>(items.size());
            for (ItemText item : items) {
                prepared.add(model.prepare(item));
            }
            return batcher.submitAll(prepared, deadlineNanos);
        }
    }
}
