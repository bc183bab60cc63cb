package dev.centaur.inference.remotellm;

import dev.centaur.inference.calibration.TemperatureScaling;
import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.model.LabelModel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A label model behind an OpenAI-compatible chat-completions endpoint (vLLM, TGI, OpenAI): one
 * request per item (max_tokens 1, logprobs, top_logprobs), the items of a batch sent at once; the
 * distribution is softmax(label log-scores / T) ({@link LabelLogprobs}). Each prepared item keeps
 * its outcome, so when the batcher reruns the items of a failed batch one by one, none is sent twice.
 */
public final class RemoteLlmClassifier implements LabelModel<RemoteLlmClassifier.Pending> {

    /** Characters of an error body quoted in a message. */
    private static final int QUOTED_BODY = 200;

    /** One item's request body and, once sent, its scores or its failure. */
    public static final class Pending {
        private final String body;
        private double[] scores;
        private RemoteModelException failure;

        Pending(String body) {
            this.body = body;
        }
    }

    private final RemoteLlmSettings settings;
    private final List<String> labels;
    private final Optional<String> apiKey;
    private final double temperature;
    private final HttpClient http;
    private final URI uri;

    /**
     * @param apiKey the resolved key named by the settings, sent as a bearer token
     */
    public RemoteLlmClassifier(RemoteLlmSettings settings, List<String> labels, Optional<String> apiKey,
            double temperature, Duration connectTimeout) {
        this.settings = settings;
        this.labels = List.copyOf(labels);
        this.apiKey = apiKey;
        this.temperature = temperature;
        this.uri = URI.create(settings.completionsUrl());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public Pending prepare(ItemText item) {
        return new Pending(LabelPrompt.requestBody(settings, labels, item));
    }

    @Override
    public double[][] predictPrepared(List<Pending> items) {
        double[][] scores = logits(items);
        double[][] probabilities = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            probabilities[i] = TemperatureScaling.softmax(scores[i], temperature);
        }
        return probabilities;
    }

    /**
     * Label log-scores (before temperature) of every item, requests sent concurrently.
     *
     * @throws RemoteModelException the first item's failure, in item order
     */
    public double[][] logits(List<Pending> items) {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (Pending item : items) {
            if (item.scores == null && item.failure == null) {
                sent.add(send(item));
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double[][] scores = new double[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).failure != null) {
                throw items.get(i).failure;
            }
            scores[i] = items.get(i).scores;
        }
        return scores;
    }

    private CompletableFuture<Void> send(Pending item) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(settings.timeoutMillis()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(item.body));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    try {
                        item.scores = scores(response, error);
                    } catch (RemoteModelException e) {
                        item.failure = e;
                    }
                    return null;
                });
    }

    private double[] scores(HttpResponse<String> response, Throwable error) {
        String endpoint = "endpoint " + uri + " (model '" + settings.model() + "')";
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                throw new RemoteModelException(RemoteModelException.Reason.UNAVAILABLE,
                        endpoint + " cannot be reached: " + cause, cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw new RemoteModelException(RemoteModelException.Reason.UNAVAILABLE,
                        endpoint + " did not answer within " + settings.timeoutMillis() + " ms", cause);
            }
            if (cause instanceof IOException) {
                throw new RemoteModelException(RemoteModelException.Reason.UNAVAILABLE,
                        endpoint + " failed: " + cause, cause);
            }
            throw new RemoteModelException(RemoteModelException.Reason.UNAVAILABLE, endpoint + " failed: " + cause, cause);
        }
        int status = response.statusCode();
        if (status != 200) {
            String body = response.body() == null ? "" : response.body();
            String quoted = body.length() > QUOTED_BODY ? body.substring(0, QUOTED_BODY) + "..." : body;
            throw new RemoteModelException(reason(status), endpoint + " answered HTTP " + status + ": " + quoted);
        }
        try {
            return LabelLogprobs.scores(response.body(), labels.size());
        } catch (IllegalArgumentException e) {
            throw new RemoteModelException(RemoteModelException.Reason.MISCONFIGURED,
                    endpoint + " answered HTTP 200 but " + e.getMessage());
        }
    }

    static RemoteModelException.Reason reason(int status) {
        if (status == 429) {
            return RemoteModelException.Reason.RATE_LIMITED;
        }
        if (status >= 500 || status == 408) {
            return RemoteModelException.Reason.UNAVAILABLE;
        }
        if (status == 400 || status == 413 || status == 422) {
            return RemoteModelException.Reason.REQUEST_REFUSED;
        }
        return RemoteModelException.Reason.MISCONFIGURED;
    }

    @Override
    public void close() {
        // java.net.http.HttpClient on Java 17 has no close; its threads end once unreferenced.
    }
}
