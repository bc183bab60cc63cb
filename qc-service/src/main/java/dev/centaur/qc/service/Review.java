package dev.centaur.qc.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One expert's review of one sampled final label (round 1, 2, or 3 when the first two disagreed;
 * each round by a different expert). Pending while unanswered and not under a live lease; leased
 * to {@link #expertId} until {@link #leaseExpiresAt}; answered once for good.
 */
@Entity
@Table(name = "review")
public class Review {

    @Id
    @Column(name = "review_id")
    public UUID reviewId;

    @Column(name = "offered_label_id", nullable = false)
    public long offeredLabelId;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The expert holding (or who last held) the lease; null until first leased. */
    @Column(name = "expert_id")
    public String expertId;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "expert_label")
    public String expertLabel;

    @Column(name = "final_label_correct")
    public Boolean finalLabelCorrect;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "round", nullable = false)
    public int round;

    /** A pending review of the sampled label, queued at {@code queuedAt}. */
    static Review open(String projectId, long offeredLabelId, int round, Instant queuedAt) {
        Review review = new Review();
        review.reviewId = UUID.randomUUID();
        review.offeredLabelId = offeredLabelId;
        review.projectId = projectId;
        review.round = round;
        review.createdAt = queuedAt;
        return review;
    }

    public boolean isAnswered() {
        return answeredAt != null;
    }

    public boolean isLeaseLiveAt(Instant now) {
        return leaseExpiresAt != null && leaseExpiresAt.isAfter(now);
    }

    void leaseTo(String expert, Instant expiresAt) {
        expertId = expert;
        leaseExpiresAt = expiresAt;
    }

    void answer(String label, boolean correct, Instant at) {
        expertLabel = label;
        finalLabelCorrect = correct;
        answeredAt = at;
    }
}
