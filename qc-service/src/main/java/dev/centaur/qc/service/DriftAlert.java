package dev.centaur.qc.service;

/** Whether the latest window of a (project, source) is significantly worse than the one before. */
public record DriftAlert(String projectId, FinalLabelSource source, boolean alert) {

    /** A (project, source) pair. */
    record Key(String projectId, FinalLabelSource source) {
    }
}
