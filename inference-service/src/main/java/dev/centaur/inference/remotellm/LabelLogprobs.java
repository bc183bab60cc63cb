package dev.centaur.inference.remotellm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Label log-scores from a chat completion's first-token top_logprobs: each label's letter gets the
 * log of the summed probability of the tokens that are that letter once stripped (" A" and "A"
 * are one answer). A label absent from the top N had at most the smallest listed probability; it
 * gets half of it (the middle of [0, that]), so absent labels are unlikely but never impossible.
 * Softmax of the scores (at T = 1) is the normalised distribution.
 */
public final class LabelLogprobs {

    /** An absent label's share of the smallest listed probability. */
    static final double ABSENT_SHARE = 0.5;

    private LabelLogprobs() {
    }

    /**
     * @throws IllegalArgumentException when the body is not a chat completion with top_logprobs
     */
    public static double[] scores(String responseBody, int labelCount) {
        JsonArray top;
        try {
            JsonObject completion = JsonParser.parseString(responseBody).getAsJsonObject();
            JsonObject choice = completion.getAsJsonArray("choices").get(0).getAsJsonObject();
            JsonElement logprobs = choice.get("logprobs");
            if (logprobs == null || logprobs.isJsonNull()) {
                throw new IllegalArgumentException("the answer has no logprobs (does the endpoint support logprobs=true?)");
            }
            top = logprobs.getAsJsonObject().getAsJsonArray("content").get(0).getAsJsonObject()
                    .getAsJsonArray("top_logprobs");
        } catch (JsonParseException | IllegalStateException | NullPointerException | IndexOutOfBoundsException
                | UnsupportedOperationException | ClassCastException e) {
            throw new IllegalArgumentException("the answer is not a chat completion with top_logprobs: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (top == null || top.isEmpty()) {
            throw new IllegalArgumentException("the answer has no top_logprobs (is top_logprobs supported?)");
        }
        double[] probability = new double[labelCount];
        double smallest = 1;
        for (JsonElement entry : top) {
            JsonObject candidate = entry.getAsJsonObject();
            double p = Math.exp(candidate.get("logprob").getAsDouble());
            smallest = Math.min(smallest, p);
            String token = candidate.get("token").getAsString().strip();
            if (token.length() == 1) {
                int label = token.charAt(0) - 'A';
                if (label >= 0 && label < labelCount) {
                    probability[label] += p;
                }
            }
        }
        double floor = Math.max(Double.MIN_NORMAL, smallest * ABSENT_SHARE);
        double[] scores = new double[labelCount];
        for (int i = 0; i < labelCount; i++) {
            scores[i] = Math.log(probability[i] > 0 ? probability[i] : floor);
        }
        return scores;
    }
}
