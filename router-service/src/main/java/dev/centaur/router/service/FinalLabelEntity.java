package dev.centaur.router.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** The one final label of an item (the table's primary key is the item's key). */
@Entity
@Table(name = "final_label")
@IdClass(ItemKey.class)
public class FinalLabelEntity extends PanacheEntityBase {

    @Id
    @Column(name = "project_id")
    public String projectId;

    @Id
    @Column(name = "item_id")
    public String itemId;

    public String label;

    @Enumerated(EnumType.STRING)
    public LabelSourceName source;

    public double confidence;

    @Column(name = "model_version")
    public String modelVersion;

    @Column(name = "answers_used")
    public int answersUsed;

    /** The crowd's aggregation method; null for model labels. */
    public String method;

    @Column(name = "labeled_at")
    public Instant labeledAt;

    /** "CONFIRMED" once qc's experts found the label right, "CORRECTED" once they replaced it; null before. */
    @Column(name = "qc_verdict")
    public String qcVerdict;

    /** False until qc-service acknowledged the offer (the outbox flag). */
    @Column(name = "offered_to_qc")
    public boolean offeredToQc;

    public static FinalLabelEntity of(ItemEntity item, String label, LabelSourceName source, double confidence,
            int answersUsed, String method, Instant labeledAt) {
        FinalLabelEntity finalLabel = new FinalLabelEntity();
        finalLabel.projectId = item.projectId;
        finalLabel.itemId = item.itemId;
        finalLabel.label = label;
        finalLabel.source = source;
        finalLabel.confidence = confidence;
        finalLabel.modelVersion = item.modelVersion;
        finalLabel.answersUsed = answersUsed;
        finalLabel.method = method;
        finalLabel.labeledAt = labeledAt;
        return finalLabel;
    }
}
