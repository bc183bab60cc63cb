package dev.centaur.crowd.client;

/** A completed item's aggregate as router receives it; source is CROWD or HYBRID. */
public record CrowdResultReport(String projectId, String itemId, String label, double confidence, int answersUsed,
        String method, String source) {
}
