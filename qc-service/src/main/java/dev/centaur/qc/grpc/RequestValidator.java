package dev.centaur.qc.grpc;

import static dev.centaur.qc.service.Values.quote;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.config.QcConfig;
import dev.centaur.qc.service.Content;
import dev.centaur.qc.service.FinalLabelSource;
import dev.centaur.qc.service.InvalidRequestException;
import dev.centaur.qc.service.OfferCommand;
import dev.centaur.qc.service.OfferedItem;
import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.qc.v1.OfferedLabel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks whole requests before anything is written; the first bad field is reported with its
 * index and value. The review page's HTTP API uses the same checks for its ids.
 */
@ApplicationScoped
public class RequestValidator {

    static final Pattern PROJECT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final int MIN_LABELS = 2;
    static final int MAX_OFFERED_PER_CALL = 1000;
    /** item_id and expert_id, as the contract says. */
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_REVIEWS_PER_ITEM = 2;
    static final int MIN_WINDOW_SIZE = 10;
    static final int MAX_WINDOW_SIZE = 10_000;
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    private final QcConfig config;

    RequestValidator(QcConfig config) {
        this.config = config;
    }

    OfferCommand offer(OfferRequest request) {
        String projectId = projectId(request.getProjectId());
        List<String> labels = labelSet(request.getLabelsList());
        double qcRate = request.getQcRate();
        if (!(qcRate >= 0 && qcRate <= 1)) {
            throw invalid("qc_rate " + qcRate + " is outside [0, 1]");
        }
        int reviewsPerItem = request.getReviewsPerItem() == 0 ? 1 : request.getReviewsPerItem();
        if (reviewsPerItem < 1 || reviewsPerItem > MAX_REVIEWS_PER_ITEM) {
            throw invalid("reviews_per_item " + request.getReviewsPerItem() + " must be 1 or 2 (0 means 1)");
        }
        int newModelLabels = request.getNewModelLabels();
        if (newModelLabels < 0) {
            throw invalid("new_model_labels " + newModelLabels + " is negative");
        }
        double newModelRate = request.getNewModelQcRate();
        if (newModelLabels > 0 && !(newModelRate >= qcRate && newModelRate <= 1)) {
            throw invalid("new_model_qc_rate " + newModelRate + " is outside [qc_rate, 1] = [" + qcRate + ", 1]");
        }
        double targetAccuracy = unitInterval("target_accuracy", request.getTargetAccuracy());
        double modelThreshold = unitInterval("model_threshold", request.getModelThreshold());
        int count = request.getLabelsOfferedCount();
        if (count == 0 || count > MAX_OFFERED_PER_CALL) {
            throw invalid("labels_offered has " + count + " labels: send 1.." + MAX_OFFERED_PER_CALL + " per call");
        }
        Set<String> labelSet = Set.copyOf(labels);
        List<OfferedItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(offeredItem("labels_offered[" + i + "]", request.getLabelsOffered(i), labelSet, labels));
        }
        return new OfferCommand(projectId, labels, qcRate, reviewsPerItem, newModelRate, newModelLabels, targetAccuracy,
                modelThreshold, items);
    }

    private static double unitInterval(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw invalid(field + " " + value + " is outside [0, 1]");
        }
        return value;
    }

    public String projectId(String projectId) {
        if (!PROJECT_ID.matcher(projectId).matches()) {
            throw invalid("project_id " + quote(projectId) + " does not match " + PROJECT_ID.pattern());
        }
        return projectId;
    }

    /** An empty project_id means "any project". */
    public Optional<String> optionalProjectId(String projectId) {
        return projectId.isEmpty() ? Optional.empty() : Optional.of(projectId(projectId));
    }

    public String expertId(String expertId) {
        if (expertId.isBlank()) {
            throw invalid("expert_id " + quote(expertId) + " is empty");
        }
        if (expertId.length() > MAX_ID_LENGTH) {
            throw invalid("expert_id " + quote(expertId) + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        return expertId;
    }

    public String required(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw invalid(field + " is empty");
        }
        return value;
    }

    /** 0 means the configured window size (empty). */
    Optional<Integer> windowSize(int windowSize) {
        if (windowSize == 0) {
            return Optional.empty();
        }
        if (windowSize < MIN_WINDOW_SIZE || windowSize > MAX_WINDOW_SIZE) {
            throw invalid("window_size " + windowSize + " is outside " + MIN_WINDOW_SIZE + ".." + MAX_WINDOW_SIZE
                    + " (0 means the configured size)");
        }
        return Optional.of(windowSize);
    }

    /** UNSPECIFIED means every source (empty). */
    Optional<FinalLabelSource> optionalSource(String field, LabelSource source, int number) {
        return source == LabelSource.LABEL_SOURCE_UNSPECIFIED ? Optional.empty()
                : Optional.of(source(field, source, number));
    }

    long after(long after) {
        if (after < 0) {
            throw invalid("after " + after + " is negative: pass 0 or the next_after of the previous page");
        }
        return after;
    }

    /** 0 means the default page size. */
    int pageSize(int pageSize) {
        if (pageSize == 0) {
            return DEFAULT_PAGE_SIZE;
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw invalid("page_size " + pageSize + " is outside 1.." + MAX_PAGE_SIZE + " (0 means "
                    + DEFAULT_PAGE_SIZE + ")");
        }
        return pageSize;
    }

    private static List<String> labelSet(List<String> labels) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label.isBlank()) {
                throw invalid("labels[" + i + "] " + quote(label) + " is empty");
            }
            if (!seen.add(label)) {
                throw invalid("labels[" + i + "] " + quote(label) + " is repeated");
            }
        }
        if (labels.size() < MIN_LABELS) {
            throw invalid("labels " + labels + " has " + labels.size() + " label(s): at least " + MIN_LABELS
                    + " distinct labels are needed");
        }
        return List.copyOf(labels);
    }

    private OfferedItem offeredItem(String field, OfferedLabel offered, Set<String> labelSet, List<String> labels) {
        String itemId = offered.getItemId();
        if (itemId.isEmpty() || itemId.length() > MAX_ID_LENGTH) {
            throw invalid(field + ".item_id " + quote(itemId) + " must be 1.." + MAX_ID_LENGTH + " characters");
        }
        if (!labelSet.contains(offered.getLabel())) {
            throw invalid(field + ".label " + quote(offered.getLabel()) + " is not one of labels " + labels);
        }
        return new OfferedItem(itemId, content(field + ".content", offered.getContent()), offered.getLabel(),
                source(field + ".source", offered.getSource(), offered.getSourceValue()), offered.getConfidence(),
                offered.getModelVersion(), offered.getControl());
    }

    private Content content(String field, ItemContent content) {
        boolean hasText = !content.getText().isEmpty();
        boolean hasA = !content.getTextA().isEmpty();
        boolean hasB = !content.getTextB().isEmpty();
        if (hasText && (hasA || hasB)) {
            throw invalid(field + " has both text and text_a/text_b: set text, or text_a and text_b");
        }
        if (hasText) {
            return Content.single(text(field + ".text", content.getText()));
        }
        if (!hasA && !hasB) {
            throw invalid(field + " is empty: set text, or text_a and text_b");
        }
        if (!hasA || !hasB) {
            String missing = hasA ? "text_b" : "text_a";
            throw invalid(field + "." + missing + " is empty while " + (hasA ? "text_a" : "text_b")
                    + " is set: a pair needs both");
        }
        return Content.pair(text(field + ".text_a", content.getTextA()), text(field + ".text_b", content.getTextB()));
    }

    private String text(String field, String text) {
        if (text.isBlank()) {
            throw invalid(field + " " + quote(text) + " is blank");
        }
        if (text.length() > config.maxTextLength()) {
            throw invalid(field + " has " + text.length() + " characters, over the limit of "
                    + config.maxTextLength() + ": " + quote(text));
        }
        return text;
    }

    private static FinalLabelSource source(String field, LabelSource source, int number) {
        return switch (source) {
            case LABEL_SOURCE_MODEL -> FinalLabelSource.MODEL;
            case LABEL_SOURCE_CROWD -> FinalLabelSource.CROWD;
            case LABEL_SOURCE_HYBRID -> FinalLabelSource.HYBRID;
            case LABEL_SOURCE_EXPERT -> FinalLabelSource.EXPERT;
            case LABEL_SOURCE_UNSPECIFIED, UNRECOGNIZED -> throw invalid(field + " " + source + " (" + number
                    + ") is not a final label source: use MODEL, CROWD, HYBRID or EXPERT");
        };
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(message);
    }
}
