package dev.centaur.inference.torchscript;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A user's model directory: {@value #MODEL} (TorchScript), {@value #TOKENIZER} (Hugging Face
 * tokenizer) and {@value #CONFIG}:
 *
 * <pre>{"labels": ["negative", "positive"], "max_length": 128,
 *  "inputs": ["input_ids", "attention_mask"], "pad_id": 0}</pre>
 *
 * labels in the model's output order; max_length caps tokens per item (pairs truncated longest
 * first); inputs are the forward arguments in order, from input_ids, attention_mask and
 * token_type_ids (default the first two); pad_id pads shorter items in a batch (default 0).
 * Problems are reported as {@link IllegalArgumentException} with a message for the user.
 */
public record ModelDirectory(Path path, List<String> labels, int maxLength, List<String> inputs, long padId) {

    public static final String MODEL = "model.pt";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String CONFIG = "centaur-model.json";
    public static final Set<String> KNOWN_INPUTS = Set.of("input_ids", "attention_mask", "token_type_ids");
    /** Longer inputs are beyond any common encoder and would only waste memory. */
    public static final int MAX_LENGTH_LIMIT = 8192;

    public static ModelDirectory read(Path path) {
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("is not a directory");
        }
        for (String file : List.of(MODEL, TOKENIZER, CONFIG)) {
            if (!Files.isRegularFile(path.resolve(file))) {
                throw new IllegalArgumentException("has no " + file + " (a model directory holds " + MODEL + ", "
                        + TOKENIZER + " and " + CONFIG + ")");
            }
        }
        JsonObject config;
        try {
            config = JsonParser.parseString(Files.readString(path.resolve(CONFIG))).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(CONFIG + " is not a JSON object: " + e.getMessage());
        }
        List<String> labels = strings(config, "labels");
        if (labels.size() < 2) {
            throw new IllegalArgumentException(CONFIG + " labels " + labels + ": need at least 2");
        }
        JsonElement maxLength = config.get("max_length");
        if (maxLength == null || !maxLength.isJsonPrimitive() || !maxLength.getAsJsonPrimitive().isNumber()
                || maxLength.getAsInt() < 2 || maxLength.getAsInt() > MAX_LENGTH_LIMIT) {
            throw new IllegalArgumentException(CONFIG + " max_length " + maxLength + " must be a number in [2, "
                    + MAX_LENGTH_LIMIT + "]");
        }
        List<String> inputs = config.has("inputs") ? strings(config, "inputs") : List.of("input_ids", "attention_mask");
        if (inputs.isEmpty() || !KNOWN_INPUTS.containsAll(inputs)) {
            throw new IllegalArgumentException(CONFIG + " inputs " + inputs + " must be taken from " + KNOWN_INPUTS);
        }
        long padId = config.has("pad_id") ? config.get("pad_id").getAsLong() : 0;
        return new ModelDirectory(path, labels, maxLength.getAsInt(), inputs, padId);
    }

    public Path model() {
        return path.resolve(MODEL);
    }

    public Path tokenizer() {
        return path.resolve(TOKENIZER);
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonObject config, String field) {
        JsonElement element = config.get(field);
        if (element == null || !element.isJsonArray()) {
            throw new IllegalArgumentException(CONFIG + " has no " + field + " list");
        }
        List<String> values = new ArrayList<>();
        for (JsonElement value : (JsonArray) element) {
            if (!value.isJsonPrimitive() || value.getAsString().isBlank()) {
                throw new IllegalArgumentException(CONFIG + " " + field + " holds " + value + ", not a non-empty string");
            }
            values.add(value.getAsString());
        }
        return values;
    }
}
