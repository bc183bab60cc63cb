package dev.centaur.qc.service;

import java.util.List;

/** One source's windows, oldest first, and the one-sided test of the latest against the one before. */
public record SourceDrift(FinalLabelSource source, List<DriftWindow> windows, double z, double pValue,
        boolean alert) {
}
