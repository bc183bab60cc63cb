package dev.centaur.inference.grpc;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.inference.config.InferenceConfig;
import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.service.FineTuneCommand;
import dev.centaur.inference.service.InvalidInputException;
import dev.centaur.inference.service.NotFoundException;
import dev.centaur.inference.service.ModelCatalog;
import dev.centaur.inference.service.TrainingCommand;
import dev.centaur.inference.v1.ExampleSource;
import dev.centaur.inference.v1.FineTuneRequest;
import dev.centaur.inference.v1.LabeledExample;
import dev.centaur.inference.v1.PredictItem;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.TrainRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks every request field before anything runs or is written, and turns the request into the
 * service's terms. Each failure names the field (with its index) and the bad value.
 *
 * <p>Train rules: a valid model name; at least two distinct non-empty labels; between
 * min-examples and max-examples examples, each with a label from the set and either a text or
 * both text_a and text_b (never both forms), every text non-blank and within max-text-length; the
 * examples must cover at least two different labels (a classifier fitted to one label learns
 * nothing; labels without examples are allowed and get little probability); holdout_fraction in
 * [0, 0.9].
 */
@ApplicationScoped
public class RequestValidator {

    static final Pattern MODEL_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final double MAX_HOLDOUT_FRACTION = 0.9;
    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** Longer values are cut in messages, so a 10 MB text does not come back in an error. */
    private static final int MAX_QUOTED_LENGTH = 80;

    private final InferenceConfig.Limits limits;

    public RequestValidator(InferenceConfig config) {
        this.limits = config.limits();
    }

    public TrainingCommand train(TrainRequest request) {
        return training(request.getModelName(), request.getLabelsList(), request.getExamplesList(),
                request.getHoldoutFraction(), request.getSeed(), request.getActivate());
    }

    /** FineTune: the Train rules, plus a request id; crowd examples may not be held out. */
    public FineTuneCommand fineTune(FineTuneRequest request) {
        String requestId = request.getRequestId();
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw invalid("request_id " + quote(requestId) + " must match " + REQUEST_ID.pattern());
        }
        TrainingCommand training = training(request.getModelName(), request.getLabelsList(), request.getExamplesList(),
                request.getHoldoutFraction(), request.getSeed(), false);
        int count = request.getExamplesCount();
        boolean[] eligible = new boolean[count];
        int golden = 0;
        int expert = 0;
        int crowd = 0;
        for (int i = 0; i < count; i++) {
            ExampleSource source = request.getExamples(i).getSource();
            switch (source) {
                case EXAMPLE_SOURCE_UNSPECIFIED, EXAMPLE_SOURCE_GOLDEN -> golden++;
                case EXAMPLE_SOURCE_EXPERT -> expert++;
                case EXAMPLE_SOURCE_CROWD -> crowd++;
                default -> throw invalid("examples[" + i + "].source " + request.getExamples(i).getSourceValue()
                        + " is not an ExampleSource");
            }
            eligible[i] = source != ExampleSource.EXAMPLE_SOURCE_CROWD;
        }
        if (golden + expert == 0) {
            throw invalid("examples: all " + count + " are EXAMPLE_SOURCE_CROWD; golden or expert examples are needed"
                    + " to hold out and compare on");
        }
        return new FineTuneCommand(requestId, sha256(request.toByteArray()), training, eligible, golden, expert, crowd,
                request.getForce());
    }

    /** A job id that must be set; ids that are not UUIDs name no job (NOT_FOUND). */
    public UUID jobId(String jobId) {
        if (jobId.isEmpty()) {
            throw invalid("job_id is empty");
        }
        try {
            return UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("job_id " + quote(jobId) + " is not a FineTune job");
        }
    }

    private TrainingCommand training(String name, List<String> labelList, List<LabeledExample> examples,
            double holdout, long seed, boolean activate) {
        String modelName = modelName(name);
        List<String> labels = labels(labelList);
        int count = examples.size();
        if (count < limits.minExamples()) {
            throw invalid("examples: " + count + " examples, need at least " + limits.minExamples());
        }
        if (count > limits.maxExamples()) {
            throw invalid("examples: " + count + " examples, over the limit of " + limits.maxExamples());
        }
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            labelIndex.put(labels.get(i), i);
        }
        List<ItemText> texts = new ArrayList<>(count);
        int[] labelIndices = new int[count];
        Set<Integer> labelsSeen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            LabeledExample example = examples.get(i);
            Integer index = labelIndex.get(example.getLabel());
            if (index == null) {
                throw invalid("examples[" + i + "].label " + quote(example.getLabel()) + " is not one of labels "
                        + labels);
            }
            labelIndices[i] = index;
            labelsSeen.add(index);
            texts.add(content("examples[" + i + "].content", example.hasContent(), example.getContent()));
        }
        if (labelsSeen.size() < 2) {
            throw invalid("examples: all have label " + quote(labels.get(labelIndices[0]))
                    + ", need examples of at least 2 different labels");
        }
        if (!(holdout >= 0 && holdout <= MAX_HOLDOUT_FRACTION)) {
            throw invalid("holdout_fraction " + holdout + " must be in [0, " + MAX_HOLDOUT_FRACTION
                    + "] (0 means the default)");
        }
        return new TrainingCommand(modelName, labels, texts, labelIndices, holdout, seed, activate);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The items of a Predict request, in request order. */
    public List<ItemText> predictItems(PredictRequest request) {
        modelName(request.getModelName());
        int count = request.getItemsCount();
        if (count == 0) {
            throw invalid("items: empty, send at least one item");
        }
        if (count > limits.maxItemsPerRequest()) {
            throw invalid("items: " + count + " items, over the limit of " + limits.maxItemsPerRequest()
                    + " per request");
        }
        List<ItemText> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PredictItem item = request.getItems(i);
            if (item.getItemId().isEmpty()) {
                throw invalid("items[" + i + "].item_id is empty");
            }
            texts.add(content("items[" + i + "].content", item.hasContent(), item.getContent()));
        }
        return texts;
    }

    public String modelName(String modelName) {
        if (!MODEL_NAME.matcher(modelName).matches()) {
            throw invalid("model_name " + quote(modelName) + " must match " + MODEL_NAME.pattern());
        }
        return modelName;
    }

    /** An optional model-name filter: empty means all. */
    public Optional<String> modelNameFilter(String modelName) {
        return modelName.isEmpty() ? Optional.empty() : Optional.of(modelName(modelName));
    }

    /** A version id that must be set (Activate). */
    public UUID requiredVersionId(String versionId) {
        if (versionId.isEmpty()) {
            throw invalid("version_id is empty");
        }
        return parseVersionId(versionId);
    }

    /** An optional version id (Predict): empty means the active version. */
    public static Optional<UUID> optionalVersionId(String versionId) {
        return versionId.isEmpty() ? Optional.empty() : Optional.of(parseVersionId(versionId));
    }

    /** Ids that are not UUIDs cannot name a stored version: NOT_FOUND, naming the id. */
    private static UUID parseVersionId(String versionId) {
        try {
            return UUID.fromString(versionId);
        } catch (IllegalArgumentException e) {
            throw ModelCatalog.unknownVersion(versionId);
        }
    }

    List<String> labels(List<String> labels) {
        if (labels.size() < 2) {
            throw invalid("labels: " + labels.size() + " label(s) " + labels + ", need at least 2");
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label.isBlank()) {
                throw invalid("labels[" + i + "] is empty");
            }
            Integer earlier = firstIndex.putIfAbsent(label, i);
            if (earlier != null) {
                throw invalid("labels[" + i + "] " + quote(label) + " repeats labels[" + earlier + "]");
            }
        }
        return List.copyOf(labels);
    }

    ItemText content(String field, boolean present, ItemContent content) {
        boolean hasText = present && !content.getText().isEmpty();
        boolean hasA = present && !content.getTextA().isEmpty();
        boolean hasB = present && !content.getTextB().isEmpty();
        if (hasText && (hasA || hasB)) {
            throw invalid(field + ": set either text or text_a and text_b, not both (text " + quote(content.getText())
                    + ", text_a " + quote(content.getTextA()) + ")");
        }
        if (hasText) {
            return ItemText.single(text(field + ".text", content.getText()));
        }
        if (hasA && hasB) {
            return ItemText.pair(text(field + ".text_a", content.getTextA()), text(field + ".text_b", content.getTextB()));
        }
        if (hasA || hasB) {
            String missing = hasA ? "text_b" : "text_a";
            throw invalid(field + "." + missing + " is empty but " + (hasA ? "text_a " + quote(content.getTextA())
                    : "text_b " + quote(content.getTextB())) + " is set; a pair needs both");
        }
        throw invalid(field + ": text is empty (set text, or text_a and text_b)");
    }

    private String text(String field, String value) {
        if (value.isBlank()) {
            throw invalid(field + " " + quote(value) + " is blank");
        }
        if (value.length() > limits.maxTextLength()) {
            throw invalid(field + " has " + value.length() + " characters, over the limit of "
                    + limits.maxTextLength() + " (" + quote(value) + ")");
        }
        return value;
    }

    static String quote(String value) {
        String shown = value.length() > MAX_QUOTED_LENGTH ? value.substring(0, MAX_QUOTED_LENGTH) + "..." : value;
        return "'" + shown + "'";
    }

    static InvalidInputException invalid(String message) {
        return new InvalidInputException(message);
    }
}
