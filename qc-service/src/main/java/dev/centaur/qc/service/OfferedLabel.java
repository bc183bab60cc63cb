package dev.centaur.qc.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A final label offered by the router, stored whether or not it was sampled. */
@Entity
@Table(name = "offered_label")
public class OfferedLabel {

    @Id
    @Column(name = "id")
    public Long id;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(name = "item_id", nullable = false)
    public String itemId;

    /** Set for a single-text item; '' for a pair. */
    @Column(name = "text", nullable = false)
    public String text;

    /** Set, with textB, for a pair; '' for a single text. */
    @Column(name = "text_a", nullable = false)
    public String textA;

    @Column(name = "text_b", nullable = false)
    public String textB;

    @Column(name = "final_label", nullable = false)
    public String finalLabel;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false)
    public FinalLabelSource source;

    @Column(name = "confidence", nullable = false)
    public double confidence;

    @Column(name = "model_version", nullable = false)
    public String modelVersion;

    @Column(name = "sampled", nullable = false)
    public boolean sampled;

    @Column(name = "offered_at", nullable = false)
    public Instant offeredAt;

    /** A control (golden) task: never sampled, not part of the labeled set. */
    @Column(name = "control", nullable = false)
    public boolean control;

    /** The rate the label was offered at; null for labels offered before rates were recorded. */
    @Column(name = "sample_rate")
    public Double sampleRate;

    /** 1, or 2 with a third review when the two disagree. */
    @Column(name = "reviews_required", nullable = false)
    public int reviewsRequired;

    /** The experts' verdict, once decided. */
    @Column(name = "verdict_label")
    public String verdictLabel;

    @Column(name = "verdict_correct")
    public Boolean verdictCorrect;

    @Column(name = "verdict_at")
    public Instant verdictAt;

    boolean isDecided() {
        return verdictAt != null;
    }

    void decide(String label, Instant at) {
        verdictLabel = label;
        verdictCorrect = finalLabel.equals(label);
        verdictAt = at;
    }
}
