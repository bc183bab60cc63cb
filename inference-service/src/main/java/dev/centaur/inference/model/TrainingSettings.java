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
 */
public record TrainingSettings(
        FeatureConfig features,
        int epochs,
        float learningRate,
        float weightDecay,
        int batchSize,
        double holdoutFraction,
        long seed,
        int predictBatchSize) {

    public TrainingSettings {
        if (epochs < 1 || learningRate <= 0 || weightDecay < 0 || batchSize < 1 || predictBatchSize < 1
                || holdoutFraction < 0 || holdoutFraction >= 1) {
            throw new IllegalArgumentException("invalid training settings: epochs=" + epochs + " learningRate="
                    + learningRate + " weightDecay=" + weightDecay + " batchSize=" + batchSize + " holdoutFraction=" + holdoutFraction
                    + " predictBatchSize=" + predictBatchSize);
        }
    }
}
