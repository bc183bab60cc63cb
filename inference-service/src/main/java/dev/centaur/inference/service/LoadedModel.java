package dev.centaur.inference.service;

import dev.centaur.inference.batching.BatchAggregator;
import dev.centaur.inference.batching.BatchListener;
import dev.centaur.inference.batching.BatchSettings;
import dev.centaur.inference.model.LabelModel;
import java.util.Optional;

/**
 * A version in memory, of any kind, shared by concurrent predictions through its batch aggregator.
 * Replacing it (Activate) retires it; its native memory and worker thread are freed when the last
 * prediction that leased it is done, never under one (a lease is held until its items are
 * answered, so the queue is empty by then).
 *
 * @param <P> the model's prepared item
 */
final class LoadedModel<P> {

    private final ModelVersionInfo version;
    private final LabelModel<P> model;
    private final BatchAggregator<P, double[]> batcher;
    private int leases;
    private boolean retired;

    LoadedModel(ModelVersionInfo version, LabelModel<P> model, BatchSettings batching, BatchListener listener) {
        this.version = version;
        this.model = model;
        this.batcher = new BatchAggregator<>(version.modelName() + "@" + version.id(), batching,
                items -> java.util.Arrays.asList(model.predictPrepared(items)), listener);
    }

    ModelVersionInfo version() {
        return version;
    }

    int queueDepth() {
        return batcher.queueDepth();
    }

    /** A lease, or empty when the model was retired meanwhile (the caller looks it up again). */
    synchronized Optional<ModelLease> lease() {
        if (retired) {
            return Optional.empty();
        }
        leases++;
        return Optional.of(new ModelLease(version, new ModelLease.Pipeline<>(model, batcher), this::release));
    }

    synchronized void retire() {
        retired = true;
        closeWhenUnused();
    }

    private synchronized void release() {
        leases--;
        closeWhenUnused();
    }

    private void closeWhenUnused() {
        if (retired && leases == 0) {
            batcher.close();
            model.close();
        }
    }
}
