package dev.centaur.qc.service;

/** One final label as offered by the router, already validated; a control task is never sampled. */
public record OfferedItem(
        String itemId,
        Content content,
        String finalLabel,
        FinalLabelSource source,
        double confidence,
        String modelVersion,
        boolean control) {
}
