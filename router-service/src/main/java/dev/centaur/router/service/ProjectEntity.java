package dev.centaur.router.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import dev.centaur.router.routing.RoutingPolicy;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
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

    @Enumerated(EnumType.STRING)
    public PolicyModeName mode = PolicyModeName.THRESHOLD;

    /** Labels with their own threshold; label_threshold_values holds the thresholds, same order. */
    @Column(name = "label_threshold_labels", columnDefinition = "text[]")
    public String[] labelThresholdLabels = new String[0];

    @Column(name = "label_threshold_values", columnDefinition = "double precision[]")
    public double[] labelThresholdValues = new double[0];

    @Column(name = "target_accuracy")
    public double targetAccuracy;

    @Column(name = "budget_per_item")
    public double budgetPerItem;

    /** Floor under every effective threshold (RaiseThreshold). */
    @Column(name = "min_threshold")
    public double minThreshold;

    /** Crowd settings passed to crowd-service as they are (see CrowdSettings). */
    @Column(name = "aggregation_method")
    public String aggregationMethod = "";

    @Column(name = "max_overlap")
    public int maxOverlap;

    @Column(name = "confidence_target")
    public double confidenceTarget;

    @Column(name = "control_rate")
    public double controlRate;

    @Column(name = "min_skill")
    public double minSkill;

    /** Share of the held-out golden items sent to the crowd as probes, to measure it. */
    @Column(name = "golden_crowd_share")
    public double goldenCrowdShare;

    /** False until crowd-service acknowledged this project's settings (the outbox flag). */
    @Column(name = "crowd_synced")
    public boolean crowdSynced;

    public List<String> labelList() {
        return List.of(labels);
    }

    /** Each label's effective threshold, in the project's label order. */
    public double[] thresholdByLabel() {
        double[] own = new double[labels.length];
        Arrays.fill(own, Double.NaN);
        for (int i = 0; i < labelThresholdLabels.length; i++) {
            own[labelList().indexOf(labelThresholdLabels[i])] = labelThresholdValues[i];
        }
        return RoutingPolicy.effectiveThresholds(threshold, own, minThreshold);
    }
}
