package dev.centaur.inference.service;

import dev.centaur.inference.model.TextClassifier;
import java.util.Optional;

/**
 * A version in memory, shared by concurrent predictions. Replacing it (Activate) retires it; its
 * native memory is freed when the last prediction that leased it is done, never under one.
 */
final class LoadedModel {

    private final ModelVersionInfo version;
    private final TextClassifier classifier;
    private int leases;
    private boolean retired;

    LoadedModel(ModelVersionInfo version, TextClassifier classifier) {
        this.version = version;
        this.classifier = classifier;
    }

    ModelVersionInfo version() {
        return version;
    }

    /** A lease, or empty when the model was retired meanwhile (the caller looks it up again). */
    synchronized Optional<ModelLease> lease() {
        if (retired) {
            return Optional.empty();
        }
        leases++;
        return Optional.of(new ModelLease(version, classifier, this::release));
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
            classifier.close();
        }
    }
}
