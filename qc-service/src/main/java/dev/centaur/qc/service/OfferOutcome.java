package dev.centaur.qc.service;

import java.util.Map;

/**
 * What an Offer did: labels seen for the first time (and of those, sampled), per source, control
 * tasks stored, and repeats that changed nothing.
 */
public record OfferOutcome(
        Map<FinalLabelSource, Integer> receivedBySource,
        Map<FinalLabelSource, Integer> sampledBySource,
        int controls,
        int duplicates) {

    public int received() {
        return sum(receivedBySource) + controls;
    }

    public int sampled() {
        return sum(sampledBySource);
    }

    private static int sum(Map<FinalLabelSource, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
