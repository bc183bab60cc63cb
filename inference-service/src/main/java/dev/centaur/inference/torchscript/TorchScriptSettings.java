package dev.centaur.inference.torchscript;

import com.google.gson.Gson;
import com.google.gson.annotations.SerializedName;

/**
 * What a TORCHSCRIPT version stores: its directory (relative to the model store) and the SHA-256
 * of its model and tokenizer at registration, so a version never silently changes under its id.
 */
public record TorchScriptSettings(
        @SerializedName("model_dir") String modelDir,
        @SerializedName("model_sha256") String modelSha256,
        @SerializedName("tokenizer_sha256") String tokenizerSha256) {

    private static final Gson GSON = new Gson();

    public String toJson() {
        return GSON.toJson(this);
    }

    public static TorchScriptSettings fromJson(String json) {
        return GSON.fromJson(json, TorchScriptSettings.class);
    }
}
