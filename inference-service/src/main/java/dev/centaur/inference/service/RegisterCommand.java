package dev.centaur.inference.service;

import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.remotellm.RemoteLlmSettings;
import java.util.List;

/**
 * A validated RegisterModel request.
 *
 * @param calibrationLabels each calibration item's label as an index into {@code labels}
 * @param modelDir TORCHSCRIPT: the directory as given (checked against the model store by the service)
 * @param remote REMOTE_LLM: the endpoint settings (defaults applied), else null
 */
public record RegisterCommand(
        String modelName,
        VersionKind kind,
        List<String> labels,
        boolean activate,
        List<ItemText> calibrationItems,
        int[] calibrationLabels,
        String modelDir,
        RemoteLlmSettings remote) {
}
