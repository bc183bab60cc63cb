package dev.centaur.inference.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

/**
 * The network: embedding bags over one embedding table (per item, the mean of the rows of each
 * feature group of {@link ItemFeatures}; ids padded to the batch's longest item and masked), the
 * dense overlap vector appended, then one linear layer giving a logit per label. One bag per
 * group, because a pair has a dozen overlap features and hundreds of side words: in a single
 * average the side words drown the overlap and the model memorises products instead.
 *
 * <p>Inputs: feature ids (int64, [batch, length]), one mask per bag (float32, [batch, length],
 * 1 where the id belongs to that bag), dense features (float32, [batch, denseSize]). Output:
 * logits [batch, labels].
 *
 * <p>Parameters are initialised from a seeded {@link Random}, not the engine's global generator,
 * so two trainings with the same seed start from the same weights even when run concurrently.
 */
public final class EmbeddingBagClassifierBlock extends AbstractBlock {

    private static final byte VERSION = 1;
    /** Spread of the initial embedding rows; small so the first averages sit near zero. */
    private static final double EMBEDDING_INIT_STD = 0.1;

    private final int labelCount;
    private final Parameter embedding;
    private final Parameter weight;
    private final Parameter bias;

    public EmbeddingBagClassifierBlock(FeatureConfig config, int labelCount, long seed) {
        super(VERSION);
        this.labelCount = labelCount;
        int inputWidth = ItemFeatures.BAGS * config.embeddingDim() + config.denseSize();
        Random seeds = new Random(seed);
        embedding = addParameter(Parameter.builder()
                .setName("embedding")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.buckets(), config.embeddingDim()))
                .optInitializer(gaussian(seeds.nextLong(), EMBEDDING_INIT_STD))
                .build());
        weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(inputWidth, labelCount))
                .optInitializer(gaussian(seeds.nextLong(), Math.sqrt(2.0 / (inputWidth + labelCount))))
                .build());
        bias = addParameter(Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(labelCount))
                .optInitializer(Initializer.ZEROS)
                .build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray table = parameterStore.getValue(embedding, ids.getDevice(), training);
        NDArray rows = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
        NDList parts = new NDList(ItemFeatures.BAGS + 1);
        for (int bag = 0; bag < ItemFeatures.BAGS; bag++) {
            parts.add(mean(rows, inputs.get(1 + bag)));
        }
        parts.add(inputs.get(1 + ItemFeatures.BAGS));
        NDArray features = NDArrays.concat(parts, 1);
        NDArray w = parameterStore.getValue(weight, ids.getDevice(), training);
        NDArray b = parameterStore.getValue(bias, ids.getDevice(), training);
        return new NDList(features.matMul(w).add(b));
    }

    /** Masked mean over the feature axis; an empty bag gives zeros. */
    private static NDArray mean(NDArray rows, NDArray mask) {
        NDArray summed = rows.mul(mask.expandDims(2)).sum(new int[] {1});
        return summed.div(mask.sum(new int[] {1}, true).maximum(1f));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), labelCount)};
    }

    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
        os.writeInt(labelCount);
    }

    @Override
    protected void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("weights of format " + loadVersion + ", expected " + VERSION);
        }
        readInputShapes(is);
        int storedLabels = is.readInt();
        if (storedLabels != labelCount) {
            throw new MalformedModelException("weights for " + storedLabels + " labels, expected " + labelCount);
        }
    }

    private static Initializer gaussian(long seed, double std) {
        return (NDManager manager, Shape shape, DataType dataType) -> {
            Random random = new Random(seed);
            float[] values = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextGaussian() * std);
            }
            return manager.create(values, shape).toType(dataType, false);
        };
    }
}
