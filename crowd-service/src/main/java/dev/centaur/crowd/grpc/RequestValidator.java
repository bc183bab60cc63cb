package dev.centaur.crowd.grpc;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.crowd.config.CrowdConfig;
import dev.centaur.crowd.service.CrowdException;
import dev.centaur.crowd.aggregation.Aggregators;
import dev.centaur.crowd.v1.ControlItem;
import dev.centaur.crowd.v1.CrowdItem;
import dev.centaur.crowd.v1.CrowdProject;
import dev.centaur.crowd.v1.EnqueueRequest;
import dev.centaur.crowd.v1.GetItemResultRequest;
import dev.centaur.crowd.v1.NextTaskRequest;
import dev.centaur.crowd.v1.RecordExpertVerdictRequest;
import dev.centaur.crowd.v1.RegisterAnnotatorRequest;
import dev.centaur.crowd.v1.RevokeAnnotatorRequest;
import dev.centaur.crowd.v1.SubmitAnswerRequest;
import dev.centaur.crowd.v1.UploadControlItemsRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every field of a request before anything else happens, and refuses the first bad one
 * with INVALID_ARGUMENT naming the field and its value. Limits that the contract fixes (crowd.proto)
 * are constants here; the text length limit is configuration.
 */
@ApplicationScoped
public class RequestValidator {

    static final Pattern PROJECT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final int MIN_LABELS = 2;
    static final int MIN_OVERLAP = 1;
    static final int MAX_OVERLAP = 20;
    static final int MAX_ITEMS_PER_ENQUEUE = 1000;
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_NAME_LENGTH = 128;
    /** Annotator ids are UUIDs (36 characters); the column holds no more. */
    static final int MAX_ANNOTATOR_ID_LENGTH = 36;
    /** Large enough for the replay of the busiest recorded worker (~3,000 items). */
    static final int MAX_ONLY_ITEM_IDS = 10_000;
    /** Model distributions arrive as rounded floats; their sum may miss 1 by this much. */
    static final double PROBABILITY_SUM_TOLERANCE = 1e-3;
    /** Longer values are cut in error messages. */
    private static final int MAX_QUOTED_LENGTH = 80;

    @Inject
    CrowdConfig config;

    void upsertProject(CrowdProject project) {
        projectId("project.project_id", project.getProjectId());
        List<String> labels = project.getLabelsList();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).isBlank()) {
                throw invalid("project.labels[" + i + "] is empty; labels must be non-empty");
            }
            if (!seen.add(labels.get(i))) {
                throw invalid("project.labels[" + i + "] " + quote(labels.get(i)) + " repeats an earlier label; labels "
                        + "must be distinct");
            }
        }
        if (labels.size() < MIN_LABELS) {
            throw invalid("project.labels " + labels + " must hold at least " + MIN_LABELS + " distinct labels");
        }
        int overlap = project.getOverlap();
        if (overlap < MIN_OVERLAP || overlap > MAX_OVERLAP) {
            throw invalid("project.overlap " + overlap + " is outside [" + MIN_OVERLAP + ", " + MAX_OVERLAP + "]");
        }
        String method = project.getAggregationMethod();
        if (!method.isEmpty() && !Aggregators.METHODS.contains(method)) {
            throw invalid("project.aggregation_method " + quote(method) + " is not one of " + Aggregators.METHODS
                    + " (or empty for DS)");
        }
        int maxOverlap = project.getMaxOverlap();
        if (maxOverlap != 0 && (maxOverlap < overlap || maxOverlap > MAX_OVERLAP)) {
            throw invalid("project.max_overlap " + maxOverlap + " is outside [overlap " + overlap + ", " + MAX_OVERLAP
                    + "] (or 0 for a fixed overlap)");
        }
        double target = project.getConfidenceTarget();
        if (!(target >= 0 && target <= 1)) {
            throw invalid("project.confidence_target " + target + " is outside [0, 1]");
        }
        double controlRate = project.getControlRate();
        if (!(controlRate >= 0 && controlRate < 1)) {
            throw invalid("project.control_rate " + controlRate + " is outside [0, 1)");
        }
        double minSkill = project.getMinSkill();
        if (!(minSkill >= 0 && minSkill <= 1)) {
            throw invalid("project.min_skill " + minSkill + " is outside [0, 1]");
        }
    }

    void uploadControlItems(UploadControlItemsRequest request) {
        projectId("project_id", request.getProjectId());
        int count = request.getItemsCount();
        if (count < 1 || count > MAX_ITEMS_PER_ENQUEUE) {
            throw invalid("items has " + count + " entries; send 1.." + MAX_ITEMS_PER_ENQUEUE + " per call");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            ControlItem item = request.getItems(i);
            String field = "items[" + i + "]";
            id(field + ".item_id", item.getItemId());
            if (!seen.add(item.getItemId())) {
                throw invalid(field + ".item_id " + quote(item.getItemId()) + " repeats an earlier item of the call");
            }
            if (!item.hasContent()) {
                throw invalid(field + ".content is missing (item_id " + quote(item.getItemId()) + ")");
            }
            content(field + ".content", item.getContent(), item.getItemId());
            if (item.getLabel().isEmpty()) {
                throw invalid(field + ".label is empty (item_id " + quote(item.getItemId())
                        + "); send the item's known label");
            }
        }
    }

    void enqueue(EnqueueRequest request) {
        projectId("project_id", request.getProjectId());
        int count = request.getItemsCount();
        if (count < 1 || count > MAX_ITEMS_PER_ENQUEUE) {
            throw invalid("items has " + count + " entries; send 1.." + MAX_ITEMS_PER_ENQUEUE + " per call");
        }
        for (int i = 0; i < count; i++) {
            item("items[" + i + "]", request.getItems(i));
        }
    }

    private void item(String field, CrowdItem item) {
        id(field + ".item_id", item.getItemId());
        if (!item.hasContent()) {
            throw invalid(field + ".content is missing (item_id " + quote(item.getItemId()) + ")");
        }
        content(field + ".content", item.getContent(), item.getItemId());
        List<Double> probabilities = item.getModelProbabilitiesList();
        double sum = 0;
        for (int j = 0; j < probabilities.size(); j++) {
            double p = probabilities.get(j);
            if (!(p >= 0 && p <= 1)) {
                throw invalid(field + ".model_probabilities[" + j + "] " + p + " is outside [0, 1] (item_id "
                        + quote(item.getItemId()) + ")");
            }
            sum += p;
        }
        if (!probabilities.isEmpty() && Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
            throw invalid(field + ".model_probabilities " + probabilities + " sum to " + sum + ", not 1 (item_id "
                    + quote(item.getItemId()) + ")");
        }
    }

    private void content(String field, ItemContent content, String itemId) {
        boolean single = !content.getText().isEmpty();
        boolean pairA = !content.getTextA().isEmpty();
        boolean pairB = !content.getTextB().isEmpty();
        if (single && (pairA || pairB)) {
            throw invalid(field + " sets both text and text_a/text_b (item_id " + quote(itemId)
                    + "); set either text or the pair text_a and text_b");
        }
        if (single) {
            text(field + ".text", content.getText(), itemId);
        } else if (pairA && pairB) {
            text(field + ".text_a", content.getTextA(), itemId);
            text(field + ".text_b", content.getTextB(), itemId);
        } else {
            String missing = pairA ? ".text_b is empty" : pairB ? ".text_a is empty" : " is empty";
            throw invalid(field + missing + " (item_id " + quote(itemId) + "); set either text or both text_a and text_b");
        }
    }

    private void text(String field, String text, String itemId) {
        if (text.isBlank()) {
            throw invalid(field + " is blank (item_id " + quote(itemId) + ")");
        }
        int length = text.codePointCount(0, text.length());
        if (length > config.maxTextLength()) {
            throw invalid(field + " has " + length + " characters, over the limit of " + config.maxTextLength()
                    + " (item_id " + quote(itemId) + ")");
        }
    }

    void registerAnnotator(RegisterAnnotatorRequest request) {
        String name = request.getName();
        int length = name.codePointCount(0, name.length());
        if (name.isBlank() || length > MAX_NAME_LENGTH) {
            throw invalid("name " + quote(name) + " must be 1.." + MAX_NAME_LENGTH + " characters, not blank");
        }
    }

    void revokeAnnotator(RevokeAnnotatorRequest request) {
        String annotatorId = request.getAnnotatorId();
        if (annotatorId.isBlank() || annotatorId.length() > MAX_ANNOTATOR_ID_LENGTH) {
            throw invalid("annotator_id " + quote(annotatorId) + " must be 1.." + MAX_ANNOTATOR_ID_LENGTH
                    + " characters, not blank");
        }
    }

    public void nextTask(NextTaskRequest request) {
        projectId("project_id", request.getProjectId());
        int count = request.getOnlyItemIdsCount();
        if (count > MAX_ONLY_ITEM_IDS) {
            throw invalid("only_item_ids has " + count + " entries; at most " + MAX_ONLY_ITEM_IDS + " are allowed");
        }
        for (int i = 0; i < count; i++) {
            id("only_item_ids[" + i + "]", request.getOnlyItemIds(i));
        }
    }

    public void submitAnswer(SubmitAnswerRequest request) {
        id("assignment_id", request.getAssignmentId());
        if (request.getLabel().isEmpty()) {
            throw invalid("label is empty; send one of the project's labels");
        }
    }

    void getItemResult(GetItemResultRequest request) {
        projectId("project_id", request.getProjectId());
        id("item_id", request.getItemId());
    }

    void recordExpertVerdict(RecordExpertVerdictRequest request) {
        projectId("project_id", request.getProjectId());
        id("item_id", request.getItemId());
        if (request.getExpertLabel().isEmpty()) {
            throw invalid("expert_label is empty; send one of the project's labels");
        }
        if (request.getCorrectionSequence() <= 0) {
            throw invalid("correction_sequence " + request.getCorrectionSequence() + " must be > 0");
        }
    }

    private void projectId(String field, String value) {
        if (!PROJECT_ID.matcher(value).matches()) {
            throw invalid(field + " " + quote(value) + " must match " + PROJECT_ID.pattern());
        }
    }

    private void id(String field, String value) {
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_ID_LENGTH) {
            throw invalid(field + " " + quote(value) + " must be 1.." + MAX_ID_LENGTH + " characters, not " + length);
        }
    }

    private static String quote(String value) {
        return value.length() <= MAX_QUOTED_LENGTH ? "'" + value + "'"
                : "'" + value.substring(0, MAX_QUOTED_LENGTH) + "...' (" + value.length() + " chars)";
    }

    private static CrowdException invalid(String message) {
        return CrowdException.invalidArgument(message);
    }
}
