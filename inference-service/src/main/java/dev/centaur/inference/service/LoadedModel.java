package dev.centaur.inference.service;

import dev.centaur.inference.batching.BatchAggregator;
import dev.centaur.inference.batching.BatchListener;
import dev.centaur.inference.batching.BatchSettings;
import dev.centaur.inference.model.ItemFeatures;
import dev.centaur.inference.model.TextClassifier;
import java.util.Arrays;
import java.util.Optional;

/**
 * A version in memory, shared by concurrent predictions through its batch aggregator. Replacing it
 * (Activate) retires it; its native memory and worker thread are freed when the last prediction
 * that leased it is done, never under one (a lease is held until its items are answered, so the
 * queue is empty by then).
 */
final class LoadedModel {

    private final ModelVersionInfo version;
    private final TextClassifier classifier;
    private final BatchAggregator<ItemFeatures, double[]> batcher;
    private int leases;
    private boolean retired;

    LoadedModel(ModelVersionInfo version, TextClassifier classifier, BatchSettings batching, BatchListener listener) {
        this.version = version;
        this.classifier = classifier;
        this.batcher = new BatchAggregator<>(version.modelName() + "@" + version.id(), batching,
                features -> Arrays.asList(classifier.predictFeatures(features)), listener);
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
        return Optional.of(new ModelLease(version, classifier, batcher, this::release));
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
            classifier.close();
        }
    }
}
