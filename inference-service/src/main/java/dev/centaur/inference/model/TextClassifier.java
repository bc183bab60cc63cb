package dev.centaur.inference.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.centaur.inference.calibration.TemperatureScaling;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A trained classifier ready to predict: the network's weights on a device, the featurizer, the
 * label order and the calibration temperature. Safe for concurrent predictions; close it once no
 * prediction uses it any more.
 */
public final class TextClassifier implements LabelModel<ItemFeatures> {

    private final Model model;
    private final EmbeddingBagClassifierBlock block;
    private final Featurizer featurizer;
    private final List<String> labels;
    private final double temperature;
    private final int maxBatchSize;

    TextClassifier(Model model, EmbeddingBagClassifierBlock block, Featurizer featurizer, List<String> labels,
            double temperature, int maxBatchSize) {
        this.model = model;
        this.block = block;
        this.featurizer = featurizer;
        this.labels = List.copyOf(labels);
        this.temperature = temperature;
        this.maxBatchSize = maxBatchSize;
    }

    /** Rebuilds a stored version exactly: same featurizer, same weights, same temperature. */
    public static TextClassifier load(byte[] weights, FeatureConfig config, List<String> labels, double temperature,
            int maxBatchSize, Device device) {
        Model model = Model.newInstance("builtin-text-classifier", device, DjlRuntime.ENGINE);
        try {
            EmbeddingBagClassifierBlock block = new EmbeddingBagClassifierBlock(config, labels.size(), 0);
            block.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(weights)));
            model.setBlock(block);
            return new TextClassifier(model, block, new Featurizer(config), labels, temperature, maxBatchSize);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("stored weights do not match the feature configuration: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    public double temperature() {
        return temperature;
    }

    public FeatureConfig featureConfig() {
        return featurizer.config();
    }

    /** The features of one item: the part of prediction that needs no model (callers run it in parallel). */
    @Override
    public ItemFeatures prepare(ItemText item) {
        return featurizer.featurize(item);
    }

    /** One calibrated distribution per featurized item; one pass per chunk. */
    @Override
    public double[][] predictPrepared(List<ItemFeatures> features) {
        double[][] logits = logits(features);
        double[][] probabilities = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = TemperatureScaling.softmax(logits[i], temperature);
        }
        return probabilities;
    }

    /** Raw logits (before temperature), in chunks of at most the configured batch size. */
    public double[][] logits(List<ItemFeatures> features) {
        return logits(block, model.getNDManager(), features, maxBatchSize);
    }

    /** The weights as bytes (DJL's parameter format), to store beside the feature configuration. */
    public byte[] weights() {
        return serialize(block);
    }

    static double[][] logits(EmbeddingBagClassifierBlock block, NDManager parent, List<ItemFeatures> features,
            int chunkSize) {
        double[][] logits = new double[features.size()][];
        for (int from = 0; from < features.size(); from += chunkSize) {
            int to = Math.min(features.size(), from + chunkSize);
            try (NDManager manager = parent.newSubManager()) {
                NDList inputs = batchInputs(manager, features.subList(from, to));
                NDArray output = block.forward(new ParameterStore(manager, false), inputs, false).singletonOrThrow();
                float[] flat = output.toFloatArray();
                int labelCount = (int) output.getShape().get(1);
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

    /** Feature ids padded to the batch's longest item, one mask per bag, the dense vectors. */
    static NDList batchInputs(NDManager manager, List<ItemFeatures> batch) {
        int length = 1;
        for (ItemFeatures item : batch) {
            length = Math.max(length, item.buckets().length);
        }
        int denseSize = batch.get(0).dense().length;
        long[] ids = new long[batch.size() * length];
        float[][] masks = new float[ItemFeatures.BAGS][batch.size() * length];
        float[] dense = new float[batch.size() * denseSize];
        for (int i = 0; i < batch.size(); i++) {
            ItemFeatures item = batch.get(i);
            int[] buckets = item.buckets();
            for (int j = 0; j < buckets.length; j++) {
                ids[i * length + j] = buckets[j];
                masks[item.bagOf(j)][i * length + j] = 1f;
            }
            System.arraycopy(item.dense(), 0, dense, i * denseSize, denseSize);
        }
        Shape shape = new Shape(batch.size(), length);
        NDList inputs = new NDList(ItemFeatures.BAGS + 2);
        inputs.add(manager.create(ids, shape));
        for (float[] mask : masks) {
            inputs.add(manager.create(mask, shape));
        }
        inputs.add(manager.create(dense, new Shape(batch.size(), denseSize)));
        return inputs;
    }

    static byte[] serialize(EmbeddingBagClassifierBlock block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        model.close();
    }
}
