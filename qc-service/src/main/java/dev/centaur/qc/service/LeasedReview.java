package dev.centaur.qc.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A review as an expert sees it: the item and the label set, never the final label or its source. */
public record LeasedReview(
        UUID reviewId,
        String projectId,
        String itemId,
        Content content,
        List<String> labels,
        Instant leaseExpiresAt) {
}
