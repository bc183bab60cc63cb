package dev.centaur.inference.grpc;

import dev.centaur.inference.remotellm.RemoteLlmSettings;
import dev.centaur.inference.service.ModelVersionInfo;
import dev.centaur.inference.torchscript.TorchScriptSettings;
import dev.centaur.inference.v1.ModelVersion;

/** The kind-specific fields of a ModelVersion (never an API key: only its name). */
final class KindSettings {

    private KindSettings() {
    }

    static void describe(ModelVersionInfo version, ModelVersion.Builder model) {
        switch (version.kind()) {
            case TORCHSCRIPT -> model.setModelDir(TorchScriptSettings.fromJson(version.kindConfig()).modelDir());
            case REMOTE_LLM -> {
                RemoteLlmSettings remote = RemoteLlmSettings.fromJson(version.kindConfig());
                model.setEndpointBaseUrl(remote.baseUrl()).setEndpointModel(remote.model())
                        .setApiKeyRef(remote.apiKeyRef());
            }
            case BUILTIN -> {
            }
        }
    }
}
