package dev.centaur.inference.remotellm;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.centaur.inference.model.ItemText;
import java.util.List;

/**
 * The chat request for one item: the project's instructions and its labels, each behind a letter
 * (A, B, ...), and the item; the model answers with one token, the letter. Letters because a label
 * such as "not_spam" spans several tokens and may share its first one with another label, while
 * every tokenizer has a token for a single capital letter.
 */
public final class LabelPrompt {

    /** One letter per label. */
    public static final int MAX_LABELS = 26;

    private LabelPrompt() {
    }

    public static String letter(int labelIndex) {
        return String.valueOf((char) ('A' + labelIndex));
    }

    public static String systemMessage(String instructions, List<String> labels) {
        StringBuilder text = new StringBuilder();
        if (!instructions.isBlank()) {
            text.append(instructions.strip()).append("\n\n");
        }
        text.append("Labels:\n");
        for (int i = 0; i < labels.size(); i++) {
            text.append(letter(i)).append(": ").append(labels.get(i)).append('\n');
        }
        text.append("\nAnswer with the letter of the one label that fits the item, and nothing else.");
        return text.toString();
    }

    public static String userMessage(ItemText item) {
        return item.isPair() ? "Text A: " + item.textA() + "\nText B: " + item.textB() : "Text: " + item.text();
    }

    /** The chat-completions body: max_tokens 1, logprobs true, top_logprobs N. */
    public static String requestBody(RemoteLlmSettings settings, List<String> labels, ItemText item) {
        JsonObject body = new JsonObject();
        body.addProperty("model", settings.model());
        JsonArray messages = new JsonArray();
        messages.add(message("system", systemMessage(settings.instructions(), labels)));
        messages.add(message("user", userMessage(item)));
        body.add("messages", messages);
        body.addProperty("max_tokens", 1);
        body.addProperty("logprobs", true);
        body.addProperty("top_logprobs", settings.topLogprobs());
        return body.toString();
    }

    private static JsonObject message(String role, String content) {
        JsonObject message = new JsonObject();
        message.addProperty("role", role);
        message.addProperty("content", content);
        return message;
    }
}
