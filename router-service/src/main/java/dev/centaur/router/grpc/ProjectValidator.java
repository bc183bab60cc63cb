package dev.centaur.router.grpc;

import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.PolicyMode;
import dev.centaur.router.v1.Project;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The contract's rules for a new project (router.proto, message Project and Policy). */
final class ProjectValidator {

    static final Pattern PROJECT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** inference-service's rule for model names; a project id always satisfies it. */
    static final Pattern MODEL_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final int MAX_NAME_CHARACTERS = 200;
    static final int MIN_LABELS = 2;
    static final int MAX_LABELS = 100;
    static final int MAX_LABEL_CHARACTERS = 100;
    static final int MIN_OVERLAP = 1;
    static final int MAX_OVERLAP = 20;
    /** crowd-service's aggregation methods (its Aggregators.METHODS); empty means DS. */
    static final List<String> AGGREGATION_METHODS = List.of("MV", "Wawa", "DS", "GLAD", "OneCoinDS", "DS+model");
    /** router.proto: SetPolicy's reason and RaiseThreshold's evidence. */
    static final int MAX_REASON_CHARACTERS = 1000;

    private static final String KNOWN_MODES = "POLICY_MODE_THRESHOLD, POLICY_MODE_TARGET_ACCURACY, "
            + "POLICY_MODE_BUDGET (0 means THRESHOLD)";

    private ProjectValidator() {
    }

    static void validate(Project project) {
        String id = project.getProjectId();
        if (!PROJECT_ID.matcher(id).matches()) {
            throw Fields.invalid("project.project_id",
                    Fields.show(id) + " does not match " + PROJECT_ID.pattern());
        }
        Fields.notBlank("project.name", project.getName());
        Fields.atMostCharacters("project.name", project.getName(), MAX_NAME_CHARACTERS);
        validateLabels(project);
        Fields.storable("project.instructions", project.getInstructions());
        String modelName = project.getModelName();
        if (!modelName.isEmpty() && !MODEL_NAME.matcher(modelName).matches()) {
            throw Fields.invalid("project.model_name",
                    Fields.show(modelName) + " does not match " + MODEL_NAME.pattern());
        }
        validatePolicy("project.policy", project.getPolicy());
        for (String label : project.getPolicy().getLabelThresholdsMap().keySet()) {
            if (!project.getLabelsList().contains(label)) {
                throw Fields.invalid("project.policy.label_thresholds", "key " + Fields.show(label)
                        + " is not one of project.labels " + project.getLabelsList());
            }
        }
    }

    private static void validateLabels(Project project) {
        int count = project.getLabelsCount();
        if (count < MIN_LABELS || count > MAX_LABELS) {
            throw Fields.invalid("project.labels", "has " + count + " labels, must have " + MIN_LABELS + " to "
                    + MAX_LABELS + ": " + project.getLabelsList());
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String field = "project.labels[" + i + "]";
            String label = project.getLabels(i);
            Fields.notBlank(field, label);
            Fields.atMostCharacters(field, label, MAX_LABEL_CHARACTERS);
            Integer earlier = firstIndex.putIfAbsent(label, i);
            if (earlier != null) {
                throw Fields.invalid(field, Fields.show(label) + " repeats project.labels[" + earlier + "]");
            }
        }
    }

    /** The policy's own rules; whether per-label keys are the project's labels is checked with the labels. */
    static void validatePolicy(String field, Policy policy) {
        inUnitInterval(field + ".threshold", policy.getThreshold());
        int overlap = policy.getOverlap();
        if (overlap < MIN_OVERLAP || overlap > MAX_OVERLAP) {
            throw Fields.invalid(field + ".overlap",
                    "must be in [" + MIN_OVERLAP + ", " + MAX_OVERLAP + "], got " + overlap);
        }
        inUnitInterval(field + ".qc_rate", policy.getQcRate());
        if (policy.hasGoldenCrowdShare()) {
            inUnitInterval(field + ".golden_crowd_share", policy.getGoldenCrowdShare());
        }
        nonNegative(field + ".price_per_crowd_answer", policy.getPricePerCrowdAnswer());
        nonNegative(field + ".price_per_expert_review", policy.getPricePerExpertReview());
        nonNegative(field + ".price_per_1k_predictions", policy.getPricePer1KPredictions());
        PolicyMode mode = policy.getMode();
        if (mode == PolicyMode.UNRECOGNIZED) {
            throw Fields.invalid(field + ".mode", "must be one of " + KNOWN_MODES + ", got " + policy.getModeValue());
        }
        boolean userThresholds = mode == PolicyMode.POLICY_MODE_UNSPECIFIED || mode == PolicyMode.POLICY_MODE_THRESHOLD;
        if (!userThresholds && policy.getLabelThresholdsCount() > 0) {
            throw Fields.invalid(field + ".label_thresholds", "are only for POLICY_MODE_THRESHOLD; mode is "
                    + mode.name() + " and label_thresholds is " + policy.getLabelThresholdsMap());
        }
        policy.getLabelThresholdsMap().forEach((label, threshold) -> {
            Fields.notBlank(field + ".label_thresholds key", label);
            inUnitInterval(field + ".label_thresholds[" + Fields.show(label) + "]", threshold);
        });
        double target = policy.getTargetAccuracy();
        if (mode == PolicyMode.POLICY_MODE_TARGET_ACCURACY && !(target > 0 && target <= 1)) {
            throw Fields.invalid(field + ".target_accuracy", "must be in (0, 1] in POLICY_MODE_TARGET_ACCURACY, got "
                    + target);
        }
        inUnitInterval(field + ".target_accuracy", target);
        nonNegative(field + ".budget_per_item", policy.getBudgetPerItem());
        inUnitInterval(field + ".min_threshold", policy.getMinThreshold());
        validateCrowdSettings(field, policy);
    }

    /** crowd-service's rules for the same CrowdProject fields, so crowd never refuses what router accepted. */
    private static void validateCrowdSettings(String field, Policy policy) {
        String method = policy.getAggregationMethod();
        if (!method.isEmpty() && !AGGREGATION_METHODS.contains(method)) {
            throw Fields.invalid(field + ".aggregation_method", Fields.show(method) + " is not one of "
                    + AGGREGATION_METHODS + " (or empty for DS)");
        }
        int maxOverlap = policy.getMaxOverlap();
        if (maxOverlap != 0 && (maxOverlap < policy.getOverlap() || maxOverlap > MAX_OVERLAP)) {
            throw Fields.invalid(field + ".max_overlap", "must be 0 (a fixed overlap) or in [overlap "
                    + policy.getOverlap() + ", " + MAX_OVERLAP + "], got " + maxOverlap);
        }
        inUnitInterval(field + ".confidence_target", policy.getConfidenceTarget());
        double controlRate = policy.getControlRate();
        if (!(controlRate >= 0 && controlRate < 1)) {
            throw Fields.invalid(field + ".control_rate", "must be in [0, 1), got " + controlRate);
        }
        inUnitInterval(field + ".min_skill", policy.getMinSkill());
    }

    private static void inUnitInterval(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw Fields.invalid(field, "must be in [0, 1], got " + value);
        }
    }

    private static void nonNegative(String field, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw Fields.invalid(field, "must be a finite number >= 0, got " + value);
        }
    }
}
