package dev.centaur.router.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A project's whole policy as one value: compared to tell whether a change changes anything, and
 * written as JSON into the policy history. Per-label thresholds are sorted by label.
 */
public record PolicySettings(double threshold, int overlap, double qcRate, double pricePerCrowdAnswer,
        double pricePerExpertReview, double pricePer1kPredictions, SortedMap<String, Double> labelThresholds,
        PolicyModeName mode, double targetAccuracy, double budgetPerItem, double minThreshold,
        CrowdSettings crowd, double goldenCrowdShare) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public PolicySettings {
        labelThresholds = new TreeMap<>(labelThresholds);
    }

    public static PolicySettings of(ProjectEntity project) {
        SortedMap<String, Double> labelThresholds = new TreeMap<>();
        for (int i = 0; i < project.labelThresholdLabels.length; i++) {
            labelThresholds.put(project.labelThresholdLabels[i], project.labelThresholdValues[i]);
        }
        return new PolicySettings(project.threshold, project.overlap, project.qcRate, project.pricePerCrowdAnswer,
                project.pricePerExpertReview, project.pricePer1kPredictions, labelThresholds, project.mode,
                project.targetAccuracy, project.budgetPerItem, project.minThreshold, CrowdSettings.of(project),
                project.goldenCrowdShare);
    }

    public void applyTo(ProjectEntity project) {
        project.threshold = threshold;
        project.overlap = overlap;
        project.qcRate = qcRate;
        project.pricePerCrowdAnswer = pricePerCrowdAnswer;
        project.pricePerExpertReview = pricePerExpertReview;
        project.pricePer1kPredictions = pricePer1kPredictions;
        project.labelThresholdLabels = labelThresholds.keySet().toArray(String[]::new);
        project.labelThresholdValues = labelThresholds.values().stream().mapToDouble(Double::doubleValue).toArray();
        project.mode = mode;
        project.targetAccuracy = targetAccuracy;
        project.budgetPerItem = budgetPerItem;
        project.minThreshold = minThreshold;
        crowd.applyTo(project);
        project.goldenCrowdShare = goldenCrowdShare;
    }

    public PolicySettings withThresholds(double newThreshold, double newMinThreshold) {
        return new PolicySettings(newThreshold, overlap, qcRate, pricePerCrowdAnswer, pricePerExpertReview,
                pricePer1kPredictions, labelThresholds, mode, targetAccuracy, budgetPerItem, newMinThreshold, crowd,
                goldenCrowdShare);
    }

    /** Whether crowd-service must be told again: its project settings differ between the two policies. */
    public boolean crowdSettingsDiffer(PolicySettings other) {
        return overlap != other.overlap || !crowd.equals(other.crowd);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy as JSON", e);
        }
    }
}
