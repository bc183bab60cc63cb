package dev.centaur.qc.service;

import java.util.List;

/**
 * A validated Offer: the project's label set and sampling settings (its QC rate, reviews per sampled
 * label, and the higher rate for the first {@code newModelLabels} MODEL labels of each model
 * version), the project's target accuracy (0: none) and lowest model threshold, which drive the
 * threshold feedback, and the final labels offered.
 */
public record OfferCommand(
        String projectId,
        List<String> labels,
        double qcRate,
        int reviewsPerItem,
        double newModelRate,
        int newModelLabels,
        double targetAccuracy,
        double modelThreshold,
        List<OfferedItem> items) {
}
