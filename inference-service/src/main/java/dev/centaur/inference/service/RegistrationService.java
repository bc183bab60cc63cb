package dev.centaur.inference.service;

import dev.centaur.inference.calibration.CalibrationMetrics;
import dev.centaur.inference.calibration.TemperatureScaling;
import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.remotellm.RemoteLlmClassifier;
import dev.centaur.inference.torchscript.ModelDirectory;
import dev.centaur.inference.torchscript.TorchScriptClassifier;
import dev.centaur.inference.torchscript.TorchScriptSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * RegisterModel: checks a TorchScript directory or a remote endpoint by running it (on the
 * calibration examples, or on one probe item), fits the temperature on the calibration examples
 * when given, then stores the version (activating it when asked or first). Nothing is stored when
 * any step fails.
 */
@ApplicationScoped
public class RegistrationService {

    private static final Logger LOG = Logger.getLogger(RegistrationService.class);
    /** Run through a model without calibration examples, to check that it answers with one value per label. */
    private static final ItemText PROBE = ItemText.single("probe");

    private final ModelLoader loader;
    private final ModelCatalog catalog;
    private final ModelRegistry registry;

    public RegistrationService(ModelLoader loader, ModelCatalog catalog, ModelRegistry registry) {
        this.loader = loader;
        this.catalog = catalog;
        this.registry = registry;
    }

    public ModelVersionInfo register(RegisterCommand command) {
        long started = System.nanoTime();
        List<ItemText> items = command.calibrationItems().isEmpty() ? List.of(PROBE) : command.calibrationItems();
        double[][] logits;
        String kindConfig;
        if (command.kind() == VersionKind.TORCHSCRIPT) {
            Path store = loader.modelStore();
            Path path = store.resolve(command.modelDir()).normalize();
            String field = "model_dir '" + command.modelDir() + "'";
            if (!path.startsWith(store)) {
                throw new InvalidInputException(field + " is outside the model store " + store);
            }
            ModelDirectory directory;
            try {
                directory = ModelDirectory.read(path);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field + " (" + path + ") " + e.getMessage());
            }
            if (!directory.labels().equals(command.labels())) {
                throw new InvalidInputException("labels " + command.labels() + " differ from the labels "
                        + directory.labels() + " of " + ModelDirectory.CONFIG + " in " + field
                        + " (the model's output order)");
            }
            String modelHash = ModelDirectory.sha256(directory.model());
            String tokenizerHash = ModelDirectory.sha256(directory.tokenizer());
            try (TorchScriptClassifier model = loader.torchScript(directory, 1.0)) {
                logits = model.logits(items.stream().map(model::prepare).toList());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new InvalidInputException(field + ": " + e.getMessage());
            }
            kindConfig = new TorchScriptSettings(store.relativize(path).toString(), modelHash, tokenizerHash).toJson();
        } else {
            if (!command.remote().apiKeyRef().isEmpty() && loader.apiKey(command.remote().apiKeyRef()).isEmpty()) {
                throw new InvalidInputException("api_key_ref '" + command.remote().apiKeyRef()
                        + "' is not configured on the server (set " + ModelLoader.API_KEY_PREFIX
                        + command.remote().apiKeyRef() + ")");
            }
            try (RemoteLlmClassifier model = loader.remoteLlm(command.remote(), command.labels(), 1.0)) {
                logits = model.logits(items.stream().map(model::prepare).toList());
            }
            kindConfig = command.remote().toJson();
        }
        Calibration calibration = command.calibrationItems().isEmpty() ? Calibration.NONE
                : Calibration.fit(logits, command.calibrationLabels());
        ModelVersionInfo version = catalog.save(new NewModelVersion(command.modelName(), command.kind(), command.labels(),
                null, null, kindConfig, calibration.temperature(), calibration.accuracy(), calibration.eceBefore(),
                calibration.eceAfter(), calibration.logLossBefore(), calibration.logLossAfter(), 0,
                command.calibrationItems().size(), (System.nanoTime() - started) / 1_000_000, 0), command.activate());
        LOG.infof("registered %s version %s of %s: T %.3f on %d calibration items, accuracy %.3f%s", command.kind(),
                version.id(), version.modelName(), calibration.temperature(), command.calibrationItems().size(),
                calibration.accuracy(), version.active() ? " (active)" : "");
        if (version.active()) {
            registry.syncModel(version.modelName());
        }
        return version;
    }

    /** The temperature fitted on labeled logits, with accuracy, ECE and log loss before and after. */
    record Calibration(double temperature, double accuracy, double eceBefore, double eceAfter, double logLossBefore,
            double logLossAfter) {

        static final Calibration NONE = new Calibration(1.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        static Calibration fit(double[][] logits, int[] labels) {
            double temperature = TemperatureScaling.fit(logits, labels);
            double[][] before = Arrays.stream(logits).map(row -> TemperatureScaling.softmax(row, 1.0))
                    .toArray(double[][]::new);
            double[][] after = Arrays.stream(logits).map(row -> TemperatureScaling.softmax(row, temperature))
                    .toArray(double[][]::new);
            int bins = CalibrationMetrics.DEFAULT_ECE_BINS;
            return new Calibration(temperature, CalibrationMetrics.accuracy(after, labels),
                    CalibrationMetrics.expectedCalibrationError(before, labels, bins),
                    CalibrationMetrics.expectedCalibrationError(after, labels, bins),
                    CalibrationMetrics.logLoss(before, labels), CalibrationMetrics.logLoss(after, labels));
        }
    }
}
