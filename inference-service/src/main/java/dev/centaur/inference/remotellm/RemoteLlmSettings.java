package dev.centaur.inference.remotellm;

import com.google.gson.Gson;
import com.google.gson.annotations.SerializedName;

/**
 * What a REMOTE_LLM version stores. The API key is only named ({@code apiKeyRef}, empty for none)
 * and looked up in the server's configuration when the version is loaded.
 */
public record RemoteLlmSettings(
        @SerializedName("base_url") String baseUrl,
        @SerializedName("model") String model,
        @SerializedName("api_key_ref") String apiKeyRef,
        @SerializedName("instructions") String instructions,
        @SerializedName("top_logprobs") int topLogprobs,
        @SerializedName("timeout_ms") long timeoutMillis) {

    private static final Gson GSON = new Gson();

    /** POST target of the chat completions. */
    public String completionsUrl() {
        return baseUrl.endsWith("/") ? baseUrl + "chat/completions" : baseUrl + "/chat/completions";
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    public static RemoteLlmSettings fromJson(String json) {
        return GSON.fromJson(json, RemoteLlmSettings.class);
    }
}
