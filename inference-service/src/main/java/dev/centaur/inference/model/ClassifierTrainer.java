package dev.centaur.inference.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.centaur.inference.calibration.CalibrationMetrics;
import dev.centaur.inference.calibration.TemperatureScaling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains the built-in classifier: stratified hold-out split, Adam on softmax cross-entropy over the
 * training part, then temperature scaling fitted on the held-out logits. Deterministic for a seed.
 */
public final class ClassifierTrainer {

    private final Device device;

    public ClassifierTrainer(Device device) {
        this.device = device;
    }

    /**
     * @param items the examples' texts
     * @param labelIndices each example's label, an index into {@code labels}
     * @param labels the label set, in distribution order
     */
    public TrainingResult train(List<ItemText> items, int[] labelIndices, List<String> labels, TrainingSettings settings) {
        return train(items, labelIndices, labels, settings, null, TrainingProgress.NONE);
    }

    /**
     * As above; only examples marked in {@code holdoutEligible} may be held out (null: all), and
     * progress is reported as fits and steps complete.
     *
     * <p>The temperature is fitted on the held-out logits when enough examples are held out;
     * otherwise ({@link TrainingSettings#crossFits}) on out-of-fold logits of the training part
     * (K models, each trained without one fold), since a few dozen held-out items leave T noisy.
     * Either way the held-out part is never trained on, and with cross-fitting never used for T.
     */
    public TrainingResult train(List<ItemText> items, int[] labelIndices, List<String> labels, TrainingSettings settings,
            boolean[] holdoutEligible, TrainingProgress progress) {
        long started = System.nanoTime();
        Featurizer featurizer = new Featurizer(settings.features());
        List<ItemFeatures> features = new ArrayList<>(items.size());
        for (ItemText item : items) {
            features.add(featurizer.featurize(item));
        }
        HoldoutSplit split = HoldoutSplit.stratified(labelIndices, labels.size(), settings.holdoutFraction(),
                settings.seed(), holdoutEligible);
        boolean crossFit = settings.crossFits(split.heldOut().length);
        int fits = crossFit ? settings.calibrationFolds() + 1 : 1;
        StepCounter steps = new StepCounter(progress, fits * (long) settings.epochs()
                * ((split.train().length + settings.batchSize() - 1) / settings.batchSize()));
        byte[] weights = fit(features, labelIndices, split.train(), labels.size(), settings, steps);

        double[][] heldLogits = logits(weights, labels, settings, select(features, split.heldOut()));
        int[] heldLabels = select(labelIndices, split.heldOut());
        double temperature = crossFit
                ? crossFittedTemperature(features, labelIndices, split.train(), labels, settings, steps)
                : TemperatureScaling.fit(heldLogits, heldLabels);
        double[][] before = softmaxAll(heldLogits, 1.0);
        double[][] after = softmaxAll(heldLogits, temperature);
        TextClassifier classifier = TextClassifier.load(weights, settings.features(), labels, temperature,
                settings.predictBatchSize(), device);
        return new TrainingResult(
                classifier,
                weights,
                temperature,
                CalibrationMetrics.accuracy(after, heldLabels),
                CalibrationMetrics.expectedCalibrationError(before, heldLabels, CalibrationMetrics.DEFAULT_ECE_BINS),
                CalibrationMetrics.expectedCalibrationError(after, heldLabels, CalibrationMetrics.DEFAULT_ECE_BINS),
                CalibrationMetrics.logLoss(before, heldLabels),
                CalibrationMetrics.logLoss(after, heldLabels),
                split.train().length,
                split.heldOut().length,
                split.heldOut(),
                crossFit,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** T minimising the log loss of out-of-fold logits: each fold predicted by a model trained on the others. */
    private double crossFittedTemperature(List<ItemFeatures> features, int[] labelIndices, int[] trainIndices,
            List<String> labels, TrainingSettings settings, StepCounter steps) {
        int[][] folds = CrossFitFolds.stratified(trainIndices, labelIndices, labels.size(), settings.calibrationFolds(),
                settings.seed());
        List<double[]> outOfFoldLogits = new ArrayList<>(trainIndices.length);
        List<Integer> outOfFoldLabels = new ArrayList<>(trainIndices.length);
        for (int[] fold : folds) {
            if (fold.length == 0) {
                continue;
            }
            byte[] foldWeights = fit(features, labelIndices, CrossFitFolds.complement(trainIndices, fold),
                    labels.size(), settings, steps);
            double[][] foldLogits = logits(foldWeights, labels, settings, select(features, fold));
            for (int i = 0; i < fold.length; i++) {
                outOfFoldLogits.add(foldLogits[i]);
                outOfFoldLabels.add(labelIndices[fold[i]]);
            }
        }
        return TemperatureScaling.fit(outOfFoldLogits.toArray(double[][]::new),
                outOfFoldLabels.stream().mapToInt(Integer::intValue).toArray());
    }

    private double[][] logits(byte[] weights, List<String> labels, TrainingSettings settings,
            List<ItemFeatures> features) {
        try (TextClassifier uncalibrated = TextClassifier.load(weights, settings.features(), labels, 1.0,
                settings.predictBatchSize(), device)) {
            return uncalibrated.logits(features);
        }
    }

    private byte[] fit(List<ItemFeatures> features, int[] labelIndices, int[] trainIndices, int labelCount,
            TrainingSettings settings, StepCounter steps) {
        EmbeddingBagClassifierBlock block = new EmbeddingBagClassifierBlock(settings.features(), labelCount,
                settings.seed());
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed(settings.learningRate()))
                        .optWeightDecays(settings.weightDecay())
                        .build())
                .optDevices(new Device[] {device});
        try (Model model = Model.newInstance("builtin-text-classifier-training", device, DjlRuntime.ENGINE)) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(config)) {
                int denseSize = settings.features().denseSize();
                Shape[] inputShapes = new Shape[ItemFeatures.BAGS + 2];
                Arrays.fill(inputShapes, new Shape(1, 1));
                inputShapes[ItemFeatures.BAGS + 1] = new Shape(1, denseSize);
                trainer.initialize(inputShapes);
                Random shuffler = new Random(settings.seed());
                int[] order = trainIndices.clone();
                for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                    shuffle(order, shuffler);
                    for (int from = 0; from < order.length; from += settings.batchSize()) {
                        int to = Math.min(order.length, from + settings.batchSize());
                        step(trainer, features, labelIndices, order, from, to);
                        steps.step();
                    }
                }
            }
            return TextClassifier.serialize(block);
        }
    }

    /** Turns optimisation steps into progress, leaving the last share for calibration and measuring. */
    private static final class StepCounter {
        private static final double TRAINING_SHARE = 0.95;
        private final TrainingProgress progress;
        private final long total;
        private long done;

        StepCounter(TrainingProgress progress, long total) {
            this.progress = progress;
            this.total = Math.max(1, total);
        }

        void step() {
            done++;
            progress.reached(TRAINING_SHARE * Math.min(1.0, (double) done / total));
        }
    }

    private static void step(Trainer trainer, List<ItemFeatures> features, int[] labelIndices, int[] order, int from,
            int to) {
        List<ItemFeatures> batch = new ArrayList<>(to - from);
        long[] batchLabels = new long[to - from];
        for (int i = from; i < to; i++) {
            batch.add(features.get(order[i]));
            batchLabels[i - from] = labelIndices[order[i]];
        }
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDList inputs = TextClassifier.batchInputs(manager, batch);
            NDList target = new NDList(manager.create(batchLabels));
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList logits = trainer.forward(inputs);
                NDArray loss = trainer.getLoss().evaluate(target, logits);
                collector.backward(loss);
            }
            trainer.step();
        }
    }

    private static void shuffle(int[] array, Random random) {
        for (int i = array.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = array[i];
            array[i] = array[j];
            array[j] = swap;
        }
    }

    private static List<ItemFeatures> select(List<ItemFeatures> features, int[] indices) {
        List<ItemFeatures> selected = new ArrayList<>(indices.length);
        for (int index : indices) {
            selected.add(features.get(index));
        }
        return selected;
    }

    private static int[] select(int[] values, int[] indices) {
        int[] selected = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            selected[i] = values[indices[i]];
        }
        return selected;
    }

    private static double[][] softmaxAll(double[][] logits, double temperature) {
        double[][] probabilities = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = TemperatureScaling.softmax(logits[i], temperature);
        }
        return probabilities;
    }
}
