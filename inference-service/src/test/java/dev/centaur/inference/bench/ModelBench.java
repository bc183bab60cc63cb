package dev.centaur.inference.bench;

import dev.centaur.inference.calibration.CalibrationMetrics;
import dev.centaur.inference.calibration.TemperatureScaling;
import dev.centaur.inference.model.ClassifierTrainer;
import dev.centaur.inference.model.DjlRuntime;
import dev.centaur.inference.model.FeatureConfig;
import dev.centaur.inference.model.Featurizer;
import dev.centaur.inference.model.HoldoutSplit;
import dev.centaur.inference.model.ItemFeatures;
import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.model.TrainingResult;
import dev.centaur.inference.model.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Benchmark of the built-in classifier on the shared pair data sets (not a test): trains on a
 * seeded stratified share of each set, measures on the rest, prints a table.
 *
 * <pre>mvn -B -q -pl inference-service test-compile exec:java [-Dexec.args=/path/to/datasets]</pre>
 *
 * System properties bench.seed, bench.buckets, bench.dim, bench.epochs, bench.lr, bench.batch,
 * bench.maxFeatures override the defaults below (which match the service defaults).
 */
public final class ModelBench {

    private record Run(String dataset, double trainShare) {
    }

    private static final List<Run> RUNS = List.of(new Run("product-matching", 0.3), new Run("rte", 0.5));

    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : LabeledDataset.root();
        long seed = Long.getLong("bench.seed", 42L);
        FeatureConfig features = FeatureConfig.of(Integer.getInteger("bench.buckets", 1 << 17),
                Integer.getInteger("bench.dim", 32), Integer.getInteger("bench.maxFeatures", 400), 3, 10);
        TrainingSettings settings = new TrainingSettings(features, Integer.getInteger("bench.epochs", 10),
                Float.parseFloat(System.getProperty("bench.lr", "0.01")), Integer.getInteger("bench.batch", 32), 0.2,
                seed, 256);
        ClassifierTrainer trainer = new ClassifierTrainer(DjlRuntime.chooseDevice());
        System.out.printf("device %s, engine %s, seed %d, %s%n", DjlRuntime.chooseDevice(), DjlRuntime.engineVersion(),
                seed, settings);
        System.out.printf("%-17s %6s %6s %9s %8s %8s %11s %9s %9s %6s %9s%n", "dataset", "train", "test", "majority",
                "accuracy", "acc@50%", "heldout_acc", "ece_raw", "ece_cal", "T", "train_s");
        for (Run run : RUNS) {
            LabeledDataset data = LabeledDataset.read(root, run.dataset());
            HoldoutSplit split = HoldoutSplit.stratified(data.labelIndices(), data.labels().size(),
                    1 - run.trainShare(), seed);
            TrainingResult result = trainer.train(select(data.items(), split.train()),
                    select(data.labelIndices(), split.train()), data.labels(), settings);
            try (var classifier = result.classifier()) {
                Featurizer featurizer = new Featurizer(features);
                List<ItemFeatures> test = new ArrayList<>();
                for (int index : split.heldOut()) {
                    test.add(featurizer.featurize(data.items().get(index)));
                }
                int[] truth = select(data.labelIndices(), split.heldOut());
                double[][] logits = classifier.logits(test);
                double[][] raw = softmax(logits, 1.0);
                double[][] calibrated = softmax(logits, result.temperature());
                System.out.printf("%-17s %6d %6d %9.3f %8.3f %8.3f %11.3f %9.3f %9.3f %6.2f %9.1f%n", run.dataset(),
                        split.train().length, split.heldOut().length, majorityShare(truth, data.labels().size()),
                        CalibrationMetrics.accuracy(calibrated, truth), accuracyOfMostConfidentHalf(calibrated, truth),
                        result.heldoutAccuracy(),
                        CalibrationMetrics.expectedCalibrationError(raw, truth, CalibrationMetrics.DEFAULT_ECE_BINS),
                        CalibrationMetrics.expectedCalibrationError(calibrated, truth,
                                CalibrationMetrics.DEFAULT_ECE_BINS),
                        result.temperature(), result.trainingMillis() / 1000.0);
            }
        }
    }

    private static double majorityShare(int[] truth, int labelCount) {
        int[] counts = new int[labelCount];
        for (int label : truth) {
            counts[label]++;
        }
        return (double) Arrays.stream(counts).max().orElse(0) / truth.length;
    }

    private static double accuracyOfMostConfidentHalf(double[][] probabilities, int[] truth) {
        Integer[] order = IntStream.range(0, truth.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> -Arrays.stream(probabilities[i]).max().orElse(0)));
        int half = truth.length / 2;
        int correct = 0;
        for (int k = 0; k < half; k++) {
            int i = order[k];
            if (CalibrationMetrics.argmax(probabilities[i]) == truth[i]) {
                correct++;
            }
        }
        return (double) correct / half;
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
