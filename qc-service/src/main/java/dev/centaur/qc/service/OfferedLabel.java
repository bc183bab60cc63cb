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
}
