package dev.centaur.qc.service;

/** One final label as offered by the router, already validated. */
public record OfferedItem(
        String itemId,
        Content content,
        String finalLabel,
        FinalLabelSource source,
        double confidence,
        String modelVersion) {
}
