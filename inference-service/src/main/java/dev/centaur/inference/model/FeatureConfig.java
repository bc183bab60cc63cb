package dev.centaur.inference.model;

import com.google.gson.Gson;

/**
 * How items become vectors and how big the network is: everything besides the weights that a
 * stored version needs to be rebuilt exactly. Stored as JSON beside the weights.
 *
 * @param formatVersion bumped when the featurizer changes meaning, so old versions are not misread
 * @param buckets hashed features share this many embedding rows
 * @param embeddingDim width of an embedding row
 * @param maxFeatures features kept per item (the most informative kinds first)
 * @param charNgram length of the character n-grams of single texts and of the overlap features
 * @param quantizationBins bins of the overlap values turned into sparse features
 * @param denseSize length of the dense overlap vector
 */
public record FeatureConfig(
        int formatVersion,
        int buckets,
        int embeddingDim,
        int maxFeatures,
        int charNgram,
        int quantizationBins,
        int denseSize) {

    public static final int CURRENT_FORMAT = 1;
    private static final Gson GSON = new Gson();

    public FeatureConfig {
        if (buckets < 2 || embeddingDim < 1 || maxFeatures < 1 || charNgram < 1 || quantizationBins < 2
                || denseSize < 0) {
            throw new IllegalArgumentException("invalid feature configuration: buckets=" + buckets
                    + " embeddingDim=" + embeddingDim + " maxFeatures=" + maxFeatures + " charNgram="
                    + charNgram + " quantizationBins=" + quantizationBins + " denseSize=" + denseSize);
        }
    }

    /** The current feature format with the given sizes. */
    public static FeatureConfig of(int buckets, int embeddingDim, int maxFeatures, int charNgram, int quantizationBins) {
        return new FeatureConfig(CURRENT_FORMAT, buckets, embeddingDim, maxFeatures, charNgram, quantizationBins,
                OverlapFeatures.SIZE);
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    public static FeatureConfig fromJson(String json) {
        FeatureConfig config = GSON.fromJson(json, FeatureConfig.class);
        if (config.formatVersion() != CURRENT_FORMAT) {
            throw new IllegalArgumentException("unsupported feature format " + config.formatVersion()
                    + ", this build reads format " + CURRENT_FORMAT);
        }
        return config;
    }
}
