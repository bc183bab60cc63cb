package dev.centaur.qc.service;

import java.util.List;

/**
 * A validated Offer: the project's label set and sampling settings (its QC rate, reviews per sampled
 * label, and the higher rate for the first {@code newModelLabels} MODEL labels of each model
 * version), and the final labels offered.
 */
public record OfferCommand(
        String projectId,
        List<String> labels,
        double qcRate,
        int reviewsPerItem,
        double newModelRate,
        int newModelLabels,
        List<OfferedItem> items) {
}
