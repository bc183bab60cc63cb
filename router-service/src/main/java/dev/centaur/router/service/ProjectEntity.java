package dev.centaur.router.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A project: its label set (in distribution order), instructions and routing policy. */
@Entity
@Table(name = "project")
public class ProjectEntity extends PanacheEntityBase {

    @Id
    @Column(name = "project_id")
    public String projectId;

    public String name;

    @Column(columnDefinition = "text[]")
    public String[] labels;

    public String instructions;

    public double threshold;

    public int overlap;

    @Column(name = "qc_rate")
    public double qcRate;

    @Column(name = "price_per_crowd_answer")
    public double pricePerCrowdAnswer;

    @Column(name = "price_per_expert_review")
    public double pricePerExpertReview;

    @Column(name = "price_per_1k_predictions")
    public double pricePer1kPredictions;

    @Column(name = "model_name")
    public String modelName;

    @Column(name = "created_at")
    public Instant createdAt;

    /** False until crowd-service acknowledged this project's settings (the outbox flag). */
    @Column(name = "crowd_synced")
    public boolean crowdSynced;

    public List<String> labelList() {
        return List.of(labels);
    }
}
