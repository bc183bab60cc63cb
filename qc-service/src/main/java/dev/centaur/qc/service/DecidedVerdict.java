package dev.centaur.qc.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The experts' decided verdict on one reviewed final label, confirmed or corrected, numbered per
 * project in the order decided: the feed of reviews actually done.
 */
@Entity
@Table(name = "verdict")
public class DecidedVerdict {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    /** 1, 2, 3, ... within the project, in commit order: readers page by it. */
    @Column(name = "sequence", nullable = false)
    public long sequence;

    @Column(name = "offered_label_id", nullable = false)
    public long offeredLabelId;

    @Column(name = "item_id", nullable = false)
    public String itemId;

    @Column(name = "final_label", nullable = false)
    public String finalLabel;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false)
    public FinalLabelSource source;

    @Column(name = "model_version", nullable = false)
    public String modelVersion;

    @Column(name = "expert_label", nullable = false)
    public String expertLabel;

    @Column(name = "correct", nullable = false)
    public boolean correct;

    /** Expert answers behind the verdict. */
    @Column(name = "reviews", nullable = false)
    public int reviews;

    /** Null for labels offered before sampling rates were recorded. */
    @Column(name = "sample_rate")
    public Double sampleRate;

    /** The correction recorded with a wrong verdict; null when the label was confirmed. */
    @Column(name = "correction_sequence")
    public Long correctionSequence;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
