package dev.centaur.inference.model;

/**
 * How to train one version.
 *
 * @param features featurizer and network sizes
 * @param epochs passes over the training part
 * @param learningRate Adam's step size
 * @param weightDecay L2 penalty on every weight (keeps rare hashed features from memorising items)
 * @param batchSize examples per optimisation step
 * @param holdoutFraction share of examples held out for accuracy and temperature fitting
 * @param seed seeds the split, the shuffling and the initial weights
 * @param predictBatchSize items per forward pass when predicting
 * @param calibrationFolds K of the cross-fitting that fits the temperature when the held-out part
 *        is small (below 2: never cross-fit)
 * @param crossFitBelow cross-fit when fewer than this many examples are held out
 */
public record TrainingSettings(
        FeatureConfig features,
        int epochs,
        float learningRate,
        float weightDecay,
        int batchSize,
        double holdoutFraction,
        long seed,
        int predictBatchSize,
        int calibrationFolds,
        int crossFitBelow) {

    /** Ten folds, used while fewer than 300 examples are held out (InferenceConfig's defaults). */
    public static final int DEFAULT_CALIBRATION_FOLDS = 10;
    public static final int DEFAULT_CROSS_FIT_BELOW = 300;

    public TrainingSettings {
        if (epochs < 1 || learningRate <= 0 || weightDecay < 0 || batchSize < 1 || predictBatchSize < 1
                || holdoutFraction < 0 || holdoutFraction >= 1 || calibrationFolds < 0 || crossFitBelow < 0) {
            throw new IllegalArgumentException("invalid training settings: epochs=" + epochs + " learningRate="
                    + learningRate + " weightDecay=" + weightDecay + " batchSize=" + batchSize + " holdoutFraction=" + holdoutFraction
                    + " predictBatchSize=" + predictBatchSize + " calibrationFolds=" + calibrationFolds
                    + " crossFitBelow=" + crossFitBelow);
        }
    }

    /** With the default cross-fitting of the temperature. */
    public TrainingSettings(FeatureConfig features, int epochs, float learningRate, float weightDecay, int batchSize,
            double holdoutFraction, long seed, int predictBatchSize) {
        this(features, epochs, learningRate, weightDecay, batchSize, holdoutFraction, seed, predictBatchSize,
                DEFAULT_CALIBRATION_FOLDS, DEFAULT_CROSS_FIT_BELOW);
    }

    /** Whether a held-out part of this size is too small to fit the temperature on alone. */
    public boolean crossFits(int heldOut) {
        return calibrationFolds >= 2 && heldOut < crossFitBelow;
    }
}
