package dev.centaur.inference.service;

import dev.centaur.inference.config.InferenceConfig;
import dev.centaur.inference.model.LabelModel;
import dev.centaur.inference.model.TextClassifier;
import dev.centaur.inference.remotellm.RemoteLlmClassifier;
import dev.centaur.inference.remotellm.RemoteLlmSettings;
import dev.centaur.inference.torchscript.ModelDirectory;
import dev.centaur.inference.torchscript.TorchScriptClassifier;
import dev.centaur.inference.torchscript.TorchScriptSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/** Builds the label model of a stored version, whatever its kind; also the kind-specific lookups of RegisterModel. */
@ApplicationScoped
public class ModelLoader {

    /** API keys are configured under this prefix only, so a registration cannot name any other secret. */
    public static final String API_KEY_PREFIX = "centaur.api-keys.";

    private final InferenceConfig config;
    private final ModelCatalog catalog;
    private final DeviceHolder device;

    public ModelLoader(InferenceConfig config, ModelCatalog catalog, DeviceHolder device) {
        this.config = config;
        this.catalog = catalog;
        this.device = device;
    }

    public LabelModel<?> load(ModelVersionInfo version) {
        return switch (version.kind()) {
            case BUILTIN -> TextClassifier.load(catalog.weights(version.id()), version.featureConfig(), version.labels(),
                    version.temperature(), config.batching().maxBatchSize(), device.device());
            case TORCHSCRIPT -> torchScript(TorchScriptSettings.fromJson(version.kindConfig()), version.temperature());
            case REMOTE_LLM -> remoteLlm(RemoteLlmSettings.fromJson(version.kindConfig()), version.labels(),
                    version.temperature());
        };
    }

    /** Loads a stored TORCHSCRIPT version, refusing files changed since registration. */
    private TorchScriptClassifier torchScript(TorchScriptSettings settings, double temperature) {
        ModelDirectory directory = ModelDirectory.read(modelStore().resolve(settings.modelDir()));
        if (!ModelDirectory.sha256(directory.model()).equals(settings.modelSha256())
                || !ModelDirectory.sha256(directory.tokenizer()).equals(settings.tokenizerSha256())) {
            throw new IllegalStateException("model directory '" + settings.modelDir()
                    + "' changed since it was registered; register it again as a new version");
        }
        return torchScript(directory, temperature);
    }

    public TorchScriptClassifier torchScript(ModelDirectory directory, double temperature) {
        return TorchScriptClassifier.load(directory, temperature, config.batching().maxBatchSize(), device.device());
    }

    public RemoteLlmClassifier remoteLlm(RemoteLlmSettings settings, List<String> labels, double temperature) {
        Optional<String> key = settings.apiKeyRef().isEmpty() ? Optional.empty()
                : Optional.of(apiKey(settings.apiKeyRef()).orElseThrow(() -> new IllegalStateException(
                        "api_key_ref '" + settings.apiKeyRef() + "' is not configured (" + API_KEY_PREFIX
                                + settings.apiKeyRef() + ")")));
        return new RemoteLlmClassifier(settings, labels, key, temperature, config.remoteLlm().connectTimeout());
    }

    /** The key configured as centaur.api-keys.NAME (or env CENTAUR_API_KEYS_NAME). */
    public Optional<String> apiKey(String name) {
        return ConfigProvider.getConfig().getOptionalValue(API_KEY_PREFIX + name, String.class)
                .filter(key -> !key.isBlank());
    }

    public Path modelStore() {
        return Path.of(config.modelStore()).toAbsolutePath().normalize();
    }
}
