package dev.centaur.crowd.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A completed item's aggregate waiting to be reported to router; reportedAt is set once it was. */
@Entity
@Table(name = "result_outbox")
public class ResultOutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "project_id")
    public String projectId;

    @Column(name = "item_id")
    public String itemId;

    @Column(name = "label")
    public String label;

    @Column(name = "confidence")
    public double confidence;

    @Column(name = "answers_used")
    public int answersUsed;

    @Column(name = "method")
    public String method;

    /** Where the label came from: CROWD, or HYBRID once a method mixes in the model. */
    @Column(name = "source")
    public String source;

    /** The item's traceparent, so the report continues the item's trace; null when tracing was off. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "reported_at")
    public Instant reportedAt;
}
