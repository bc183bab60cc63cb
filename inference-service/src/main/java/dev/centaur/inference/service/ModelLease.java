package dev.centaur.inference.service;

import dev.centaur.inference.model.TextClassifier;

/** The right to use a loaded version until closed. */
public final class ModelLease implements AutoCloseable {

    private final ModelVersionInfo version;
    private final TextClassifier classifier;
    private final Runnable onClose;
    private boolean closed;

    ModelLease(ModelVersionInfo version, TextClassifier classifier, Runnable onClose) {
        this.version = version;
        this.classifier = classifier;
        this.onClose = onClose;
    }

    public ModelVersionInfo version() {
        return version;
    }

    public TextClassifier classifier() {
        return classifier;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
