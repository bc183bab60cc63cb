package dev.centaur.inference.torchscript;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.centaur.inference.calibration.TemperatureScaling;
import dev.centaur.inference.model.DjlRuntime;
import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.model.LabelModel;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A user's TorchScript classifier with its Hugging Face tokenizer: items are tokenized on the
 * callers' threads (pairs as a pair, truncated longest first to max_length), padded to the
 * batch's longest item, run in one forward pass, and the first output (logits [batch, labels])
 * becomes softmax(logits / T). Runs on the device given (the first GPU DJL finds, else the CPU).
 */
public final class TorchScriptClassifier implements LabelModel<TokenizedItem> {

    private final ModelDirectory directory;
    private final Model model;
    private final HuggingFaceTokenizer tokenizer;
    private final double temperature;
    private final int maxBatchSize;

    private TorchScriptClassifier(ModelDirectory directory, Model model, HuggingFaceTokenizer tokenizer,
            double temperature, int maxBatchSize) {
        this.directory = directory;
        this.model = model;
        this.tokenizer = tokenizer;
        this.temperature = temperature;
        this.maxBatchSize = maxBatchSize;
    }

    /**
     * Loads the directory's model and tokenizer.
     *
     * @throws IllegalArgumentException when either cannot be loaded (the message says which and why)
     */
    public static TorchScriptClassifier load(ModelDirectory directory, double temperature, int maxBatchSize,
            Device device) {
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(directory.tokenizer())
                    .optMaxLength(directory.maxLength())
                    .optTruncation(true)
                    .optPadding(false)
                    .optAddSpecialTokens(true)
                    .build();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(ModelDirectory.TOKENIZER + " cannot be loaded: " + e.getMessage(), e);
        }
        Model model = Model.newInstance("torchscript-classifier", device, DjlRuntime.ENGINE);
        try {
            model.load(directory.path(), "model", Map.of("mapLocation", "true"));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            tokenizer.close();
            throw new IllegalArgumentException(ModelDirectory.MODEL + " is not a loadable TorchScript model: "
                    + e.getMessage(), e);
        }
        return new TorchScriptClassifier(directory, model, tokenizer, temperature, maxBatchSize);
    }

    @Override
    public List<String> labels() {
        return directory.labels();
    }

    @Override
    public TokenizedItem prepare(ItemText item) {
        Encoding encoding = item.isPair() ? tokenizer.encode(item.textA(), item.textB()) : tokenizer.encode(item.text());
        return new TokenizedItem(encoding.getIds(), encoding.getTypeIds());
    }

    @Override
    public double[][] predictPrepared(List<TokenizedItem> items) {
        double[][] logits = logits(items);
        double[][] probabilities = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = TemperatureScaling.softmax(logits[i], temperature);
        }
        return probabilities;
    }

    /**
     * The model's raw outputs (before temperature), in chunks of at most the batch size.
     *
     * @throws IllegalStateException when the model does not give one value per label
     */
    public double[][] logits(List<TokenizedItem> items) {
        double[][] logits = new double[items.size()][];
        for (int from = 0; from < items.size(); from += maxBatchSize) {
            int to = Math.min(items.size(), from + maxBatchSize);
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDArray output = model.getBlock()
                        .forward(new ParameterStore(manager, false), inputs(manager, items.subList(from, to)), false)
                        .get(0);
                Shape shape = output.getShape();
                if (shape.dimension() != 2 || shape.get(0) != to - from || shape.get(1) != labels().size()) {
                    throw new IllegalStateException(ModelDirectory.MODEL + " gives outputs of shape " + shape + " for "
                            + (to - from) + " items, expected (" + (to - from) + ", " + labels().size()
                            + ") for labels " + labels());
                }
                float[] flat = output.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
                int labelCount = labels().size();
                for (int i = 0; i < to - from; i++) {
                    double[] row = new double[labelCount];
                    for (int j = 0; j < labelCount; j++) {
                        row[j] = flat[i * labelCount + j];
                    }
                    logits[from + i] = row;
                }
            }
        }
        return logits;
    }

    /** The configured inputs, each int64 [batch, longest], padded with pad_id (mask and types with 0). */
    private NDList inputs(NDManager manager, List<TokenizedItem> batch) {
        int length = 1;
        for (TokenizedItem item : batch) {
            length = Math.max(length, item.ids().length);
        }
        long[] ids = new long[batch.size() * length];
        long[] mask = new long[batch.size() * length];
        long[] types = new long[batch.size() * length];
        java.util.Arrays.fill(ids, directory.padId());
        for (int i = 0; i < batch.size(); i++) {
            TokenizedItem item = batch.get(i);
            System.arraycopy(item.ids(), 0, ids, i * length, item.ids().length);
            System.arraycopy(item.typeIds(), 0, types, i * length, item.typeIds().length);
            java.util.Arrays.fill(mask, i * length, i * length + item.ids().length, 1L);
        }
        Shape shape = new Shape(batch.size(), length);
        NDList inputs = new NDList(directory.inputs().size());
        for (String input : directory.inputs()) {
            long[] values = switch (input) {
                case "input_ids" -> ids;
                case "attention_mask" -> mask;
                default -> types;
            };
            inputs.add(manager.create(values, shape));
        }
        return inputs;
    }

    @Override
    public void close() {
        model.close();
        tokenizer.close();
    }
}
