package dev.centaur.inference.bench;

import ai.djl.Device;
import dev.centaur.inference.calibration.CalibrationMetrics;
import dev.centaur.inference.calibration.TemperatureScaling;
import dev.centaur.inference.model.ClassifierTrainer;
import dev.centaur.inference.model.Featurizer;
import dev.centaur.inference.model.HoldoutSplit;
import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.model.TextClassifier;
import dev.centaur.inference.model.TrainingResult;
import dev.centaur.inference.model.TrainingSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains on a seeded stratified share of a data set and measures on the rest (the service's own
 * hold-out, for the temperature, comes out of the training share).
 *
 * @param majorityShare accuracy of always answering the most common label of the test part
 * @param accuracyOfMostConfidentHalf accuracy on the half of the test items the model is surest of
 * @param eceNoiseFloor the mean ECE a perfectly calibrated model with the same calibrated confidences
 *        would show on this many test items (labels drawn from its own distributions): ECE measured on
 *        a few hundred items cannot be expected below it
 * @param crossFitted whether the temperature came from cross-fitting rather than the hold-out
 */
public record DatasetEvaluation(
        String dataset,
        int trainItems,
        int testItems,
        double majorityShare,
        double accuracy,
        double accuracyOfMostConfidentHalf,
        double heldoutAccuracy,
        double eceUncalibrated,
        double eceCalibrated,
        double logLossUncalibrated,
        double logLossCalibrated,
        double temperature,
        double eceNoiseFloor,
        boolean crossFitted,
        long trainingMillis) {

    /** Draws of labels for the noise floor; its standard error is then under 0.001. */
    private static final int NOISE_FLOOR_DRAWS = 1000;

    public static DatasetEvaluation run(LabeledDataset data, double trainShare, TrainingSettings settings,
            Device device) {
        HoldoutSplit split = HoldoutSplit.stratified(data.labelIndices(), data.labels().size(), 1 - trainShare,
                settings.seed());
        TrainingResult result = new ClassifierTrainer(device).train(select(data.items(), split.train()),
                select(data.labelIndices(), split.train()), data.labels(), settings);
        try (TextClassifier classifier = result.classifier()) {
            Featurizer featurizer = new Featurizer(settings.features());
            double[][] logits = classifier.logits(
                    select(data.items(), split.heldOut()).stream().map(featurizer::featurize).toList());
            int[] truth = select(data.labelIndices(), split.heldOut());
            double[][] raw = softmax(logits, 1.0);
            double[][] calibrated = softmax(logits, result.temperature());
            return new DatasetEvaluation(
                    data.name(),
                    split.train().length,
                    split.heldOut().length,
                    majorityShare(truth, data.labels().size()),
                    CalibrationMetrics.accuracy(calibrated, truth),
                    CalibrationMetrics.accuracyOfMostConfident(calibrated, truth, 0.5),
                    result.heldoutAccuracy(),
                    CalibrationMetrics.expectedCalibrationError(raw, truth, CalibrationMetrics.DEFAULT_ECE_BINS),
                    CalibrationMetrics.expectedCalibrationError(calibrated, truth, CalibrationMetrics.DEFAULT_ECE_BINS),
                    CalibrationMetrics.logLoss(raw, truth),
                    CalibrationMetrics.logLoss(calibrated, truth),
                    result.temperature(),
                    eceNoiseFloor(calibrated, settings.seed()),
                    result.crossFitted(),
                    result.trainingMillis());
        }
    }

    /** Mean ECE over label sets drawn from the distributions themselves (calibrated by construction). */
    static double eceNoiseFloor(double[][] probabilities, long seed) {
        Random random = new Random(seed);
        int[] drawn = new int[probabilities.length];
        double sum = 0;
        for (int draw = 0; draw < NOISE_FLOOR_DRAWS; draw++) {
            for (int i = 0; i < probabilities.length; i++) {
                double u = random.nextDouble();
                int label = 0;
                double cumulative = probabilities[i][0];
                while (u >= cumulative && label < probabilities[i].length - 1) {
                    cumulative += probabilities[i][++label];
                }
                drawn[i] = label;
            }
            sum += CalibrationMetrics.expectedCalibrationError(probabilities, drawn, CalibrationMetrics.DEFAULT_ECE_BINS);
        }
        return sum / NOISE_FLOOR_DRAWS;
    }

    private static double majorityShare(int[] truth, int labelCount) {
        int[] counts = new int[labelCount];
        for (int label : truth) {
            counts[label]++;
        }
        return (double) Arrays.stream(counts).max().orElse(0) / truth.length;
    }

    private static double[][] softmax(double[][] logits, double temperature) {
        return Arrays.stream(logits).map(row -> TemperatureScaling.softmax(row, temperature)).toArray(double[][]::new);
    }

    private static List<ItemText> select(List<ItemText> items, int[] indices) {
        return Arrays.stream(indices).mapToObj(items::get).toList();
    }

    private static int[] select(int[] values, int[] indices) {
        return Arrays.stream(indices).map(i -> values[i]).toArray();
    }
}
