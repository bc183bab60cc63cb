package dev.centaur.router.grpc;

import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.Project;
import java.util.HashMap;
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
        validatePolicy(project.getPolicy());
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

    private static void validatePolicy(Policy policy) {
        inUnitInterval("project.policy.threshold", policy.getThreshold());
        int overlap = policy.getOverlap();
        if (overlap < MIN_OVERLAP || overlap > MAX_OVERLAP) {
            throw Fields.invalid("project.policy.overlap",
                    "must be in [" + MIN_OVERLAP + ", " + MAX_OVERLAP + "], got " + overlap);
        }
        inUnitInterval("project.policy.qc_rate", policy.getQcRate());
        nonNegative("project.policy.price_per_crowd_answer", policy.getPricePerCrowdAnswer());
        nonNegative("project.policy.price_per_expert_review", policy.getPricePerExpertReview());
        nonNegative("project.policy.price_per_1k_predictions", policy.getPricePer1KPredictions());
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
