package dev.centaur.qc.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An outbox row: a request to router to raise a project's threshold, written in the transaction of
 * the verdict that called for it, sent by {@link ThresholdRaiseSender}.
 */
@Entity
@Table(name = "threshold_raise")
public class ThresholdRaise {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(name = "min_threshold", nullable = false)
    public double minThreshold;

    @Column(name = "evidence", nullable = false)
    public String evidence;

    /** Decided MODEL reviews behind the request. */
    @Column(name = "model_reviews", nullable = false)
    public long modelReviews;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** Set once router acknowledged the request. */
    @Column(name = "sent_at")
    public Instant sentAt;

    /** Whether router's answer was that it raised anything (false: it already was that high). */
    @Column(name = "raised")
    public Boolean raised;
}
