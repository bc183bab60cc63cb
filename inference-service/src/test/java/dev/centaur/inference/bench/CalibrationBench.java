package dev.centaur.inference.bench;

import ai.djl.Device;
import dev.centaur.inference.model.DjlRuntime;
import dev.centaur.inference.model.TrainingSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * Calibration of the built-in model on the shared data sets (not a test): trains with the service
 * defaults on a seeded stratified share (the temperature is fitted on the service's own hold-out
 * inside that share), then measures accuracy, ECE (15 equal-width bins) and log loss on the rest,
 * before (T = 1) and after temperature scaling. bench.only=NAME runs one data set, bench.share its
 * training share; bench.* of {@link ModelBench#settings()} apply too.
 *
 * <pre>mvn -B -q -pl inference-service test-compile exec:java -Dexec.mainClass=dev.centaur.inference.bench.CalibrationBench</pre>
 */
public final class CalibrationBench {

    public static final List<ModelBench.Run> RUNS = List.of(new ModelBench.Run("sms-spam", 0.5),
            new ModelBench.Run("sst2-dev", 0.5), new ModelBench.Run("product-matching", 0.3));

    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : LabeledDataset.root();
        TrainingSettings settings = ModelBench.settings();
        Device device = DjlRuntime.chooseDevice();
        System.out.printf("device %s, PyTorch %s%n", device, DjlRuntime.engineVersion());
        System.out.printf("%-17s %6s %6s %8s %8s %8s %9s %9s %6s%n", "dataset", "train", "test", "accuracy",
                "ece_raw", "ece_cal", "logloss_raw", "logloss_cal", "T");
        String only = System.getProperty("bench.only", "");
        double share = Double.parseDouble(System.getProperty("bench.share", "0"));
        for (ModelBench.Run configured : RUNS) {
            if (!only.isEmpty() && !only.equals(configured.dataset())) {
                continue;
            }
            ModelBench.Run run = share > 0 ? new ModelBench.Run(configured.dataset(), share) : configured;
            DatasetEvaluation e = DatasetEvaluation.run(LabeledDataset.read(root, run.dataset()), run.trainShare(),
                    settings, device);
            System.out.printf("%-17s %6d %6d %8.3f %8.3f %8.3f %11.3f %11.3f %6.2f%n", e.dataset(), e.trainItems(),
                    e.testItems(), e.accuracy(), e.eceUncalibrated(), e.eceCalibrated(), e.logLossUncalibrated(),
                    e.logLossCalibrated(), e.temperature());
        }
    }
}
