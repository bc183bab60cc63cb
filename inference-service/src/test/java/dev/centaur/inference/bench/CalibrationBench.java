package dev.centaur.inference.bench;

import ai.djl.Device;
import dev.centaur.inference.model.DjlRuntime;
import dev.centaur.inference.model.TrainingSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Calibration of the built-in model on the shared data sets (not a test): trains with the service
 * defaults on a seeded stratified share (the temperature is fitted inside that share: on the
 * service's hold-out, or cross-fitted when the hold-out is small), then measures accuracy, ECE (15
 * equal-width bins) and log loss on the rest, before (T = 1) and after temperature scaling, beside
 * the ECE a perfectly calibrated model would show on as many items (the noise floor).
 * bench.only=NAME runs one data set, bench.share its training share, bench.seeds=42,7,... repeats
 * each data set per seed (split and training) and adds the mean; bench.* of
 * {@link ModelBench#settings()} apply too (bench.crossFitBelow=0 turns cross-fitting off).
 *
 * <pre>mvn -B -q -pl inference-service test-compile exec:java -Dexec.mainClass=dev.centaur.inference.bench.CalibrationBench</pre>
 */
public final class CalibrationBench {

    public static final List<ModelBench.Run> RUNS = List.of(new ModelBench.Run("sms-spam", 0.5),
            new ModelBench.Run("sst2-dev", 0.5), new ModelBench.Run("product-matching", 0.3));
    private static final String ROW = "%-17s %5s %6d %6d %8.3f %8.3f %8.3f %9.3f %11.3f %11.3f %6.2f %6s%n";

    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : LabeledDataset.root();
        Device device = DjlRuntime.chooseDevice();
        System.out.printf("device %s, PyTorch %s%n", device, DjlRuntime.engineVersion());
        System.out.printf("%-17s %5s %6s %6s %8s %8s %8s %9s %11s %11s %6s %6s%n", "dataset", "seed", "train", "test",
                "accuracy", "ece_raw", "ece_cal", "ece_floor", "logloss_raw", "logloss_cal", "T", "T_from");
        String only = System.getProperty("bench.only", "");
        double share = Double.parseDouble(System.getProperty("bench.share", "0"));
        long[] seeds = Arrays.stream(System.getProperty("bench.seeds", System.getProperty("bench.seed", "42"))
                .split(",")).mapToLong(seed -> Long.parseLong(seed.strip())).toArray();
        for (ModelBench.Run configured : RUNS) {
            if (!only.isEmpty() && !only.equals(configured.dataset())) {
                continue;
            }
            ModelBench.Run run = share > 0 ? new ModelBench.Run(configured.dataset(), share) : configured;
            LabeledDataset data = LabeledDataset.read(root, run.dataset());
            double[] sums = new double[7];
            for (long seed : seeds) {
                System.setProperty("bench.seed", Long.toString(seed));
                TrainingSettings settings = ModelBench.settings();
                DatasetEvaluation e = DatasetEvaluation.run(data, run.trainShare(), settings, device);
                System.out.printf(ROW, e.dataset(), seed, e.trainItems(), e.testItems(), e.accuracy(),
                        e.eceUncalibrated(), e.eceCalibrated(), e.eceNoiseFloor(), e.logLossUncalibrated(),
                        e.logLossCalibrated(), e.temperature(), e.crossFitted() ? "folds" : "hold");
                double[] values = {e.accuracy(), e.eceUncalibrated(), e.eceCalibrated(), e.eceNoiseFloor(),
                        e.logLossUncalibrated(), e.logLossCalibrated(), e.temperature()};
                for (int i = 0; i < values.length; i++) {
                    sums[i] += values[i] / seeds.length;
                }
            }
            if (seeds.length > 1) {
                System.out.printf(ROW, run.dataset(), "mean", 0, 0, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5],
                        sums[6], "");
            }
        }
    }
}
