package dev.centaur.router.service;

/** An item's aggregate as crowd reports it (fields validated by the caller, but for the label). */
public record CrowdResult(String projectId, String itemId, String label, double confidence, int answersUsed,
        String method, LabelSourceName source) {
}
