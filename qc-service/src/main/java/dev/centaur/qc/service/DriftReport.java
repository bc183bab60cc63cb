package dev.centaur.qc.service;

import java.util.List;

/** A project's drift view at one window size: per source, its windows and the latest test. */
public record DriftReport(String projectId, int windowSize, double alpha, List<SourceDrift> sources) {
}
