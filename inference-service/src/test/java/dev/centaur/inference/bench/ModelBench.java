package dev.centaur.inference.bench;

import ai.djl.Device;
import dev.centaur.inference.model.DjlRuntime;
import dev.centaur.inference.model.FeatureConfig;
import dev.centaur.inference.model.TrainingSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark of the built-in classifier on the shared pair data sets (not a test): trains on a
 * seeded stratified share of each set, measures on the rest, prints a table.
 *
 * <pre>mvn -B -q -pl inference-service test-compile exec:java [-Dexec.args=/path/to/datasets]</pre>
 *
 * System properties bench.seed, bench.buckets, bench.dim, bench.maxFeatures, bench.epochs,
 * bench.lr, bench.wd, bench.batch, bench.folds and bench.crossFitBelow override the defaults, which are
 * the service's.
 */
public final class ModelBench {

    /** A data set and the share of it to train on. */
    public record Run(String dataset, double trainShare) {
    }

    public static final List<Run> RUNS = List.of(new Run("product-matching", 0.3), new Run("rte", 0.5));

    /** The service defaults (InferenceConfig), overridable by bench.* system properties. */
    public static TrainingSettings settings() {
        FeatureConfig features = FeatureConfig.of(Integer.getInteger("bench.buckets", 32768),
                Integer.getInteger("bench.dim", 32), Integer.getInteger("bench.maxFeatures", 400), 3, 10);
        return new TrainingSettings(features, Integer.getInteger("bench.epochs", 10),
                Float.parseFloat(System.getProperty("bench.lr", "0.01")),
                Float.parseFloat(System.getProperty("bench.wd", "0.001")), Integer.getInteger("bench.batch", 64), 0.2,
                Long.getLong("bench.seed", 42L), 256,
                Integer.getInteger("bench.folds", TrainingSettings.DEFAULT_CALIBRATION_FOLDS),
                Integer.getInteger("bench.crossFitBelow", TrainingSettings.DEFAULT_CROSS_FIT_BELOW));
    }

    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : LabeledDataset.root();
        TrainingSettings settings = settings();
        Device device = DjlRuntime.chooseDevice();
        System.out.printf("device %s, PyTorch %s, %s%n", device, DjlRuntime.engineVersion(), settings);
        System.out.printf("%-17s %6s %6s %9s %8s %8s %11s %8s %8s %6s %8s%n", "dataset", "train", "test", "majority",
                "accuracy", "acc@50%", "heldout_acc", "ece_raw", "ece_cal", "T", "train_s");
        for (Run run : RUNS) {
            DatasetEvaluation e = DatasetEvaluation.run(LabeledDataset.read(root, run.dataset()), run.trainShare(),
                    settings, device);
            System.out.printf("%-17s %6d %6d %9.3f %8.3f %8.3f %11.3f %8.3f %8.3f %6.2f %8.1f%n", e.dataset(),
                    e.trainItems(), e.testItems(), e.majorityShare(), e.accuracy(), e.accuracyOfMostConfidentHalf(),
                    e.heldoutAccuracy(), e.eceUncalibrated(), e.eceCalibrated(), e.temperature(),
                    e.trainingMillis() / 1000.0);
        }
    }
}
