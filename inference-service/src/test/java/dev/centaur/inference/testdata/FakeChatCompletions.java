package dev.centaur.inference.testdata;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenAI-compatible chat-completions endpoint for tests (127.0.0.1, ephemeral port). In
 * normal mode it reads the item from the user message and answers top_logprobs over letters: an
 * item with "good" gets B 0.6, " B" 0.1, A 0.2, "Neither" 0.1; one with "bad" A 0.9, B 0.05; any
 * other only "Hmm" 0.9, "I" 0.05 (no label letter). Other modes answer errors or sleep.
 */
public final class FakeChatCompletions implements AutoCloseable {

    public enum Mode { NORMAL, SERVER_ERROR, RATE_LIMITED, MALFORMED_JSON, NO_LOGPROBS, NOT_FOUND, SLOW }

    /** How long SLOW sleeps: past the tests' client timeouts. */
    public static final int SLOW_MILLIS = 3000;

    private final HttpServer server;
    private volatile Mode mode = Mode.NORMAL;
    private volatile String lastAuthorization;
    private volatile JsonObject lastRequest;
    private final AtomicInteger requests = new AtomicInteger();

    public FakeChatCompletions() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v1/chat/completions", this::answer);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public String lastAuthorization() {
        return lastAuthorization;
    }

    public JsonObject lastRequest() {
        return lastRequest;
    }

    public int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        JsonObject request = JsonParser.parseString(body).getAsJsonObject();
        lastRequest = request;
        switch (mode) {
            case SERVER_ERROR -> send(exchange, 500, "{\"error\": \"boom\"}");
            case RATE_LIMITED -> send(exchange, 429, "{\"error\": \"slow down\"}");
            case NOT_FOUND -> send(exchange, 404, "{\"error\": \"no such model\"}");
            case MALFORMED_JSON -> send(exchange, 200, "{\"choices\": [");
            case NO_LOGPROBS -> send(exchange, 200, "{\"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\","
                    + " \"content\": \"B\"}, \"logprobs\": null}]}");
            case SLOW -> {
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 200, completion("[]"));
            }
            case NORMAL -> {
                String user = request.getAsJsonArray("messages").get(1).getAsJsonObject().get("content").getAsString()
                        .toLowerCase(Locale.ROOT);
                String top = user.contains("good")
                        ? entries("B", 0.6, " B", 0.1, "A", 0.2, "Neither", 0.1)
                        : user.contains("bad") ? entries("A", 0.9, "B", 0.05) : entries("Hmm", 0.9, "I", 0.05);
                send(exchange, 200, completion(top));
            }
        }
    }

    private static String entries(Object... tokensAndProbabilities) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < tokensAndProbabilities.length; i += 2) {
            json.append(i == 0 ? "" : ", ").append("{\"token\": \"").append(tokensAndProbabilities[i])
                    .append("\", \"logprob\": ").append(Math.log((Double) tokensAndProbabilities[i + 1])).append('}');
        }
        return json.append(']').toString();
    }

    private static String completion(String topLogprobs) {
        return "{\"id\": \"x\", \"object\": \"chat.completion\", \"choices\": [{\"index\": 0, \"message\": {\"role\":"
                + " \"assistant\", \"content\": \"B\"}, \"logprobs\": {\"content\": [{\"token\": \"B\", \"logprob\": -0.5,"
                + " \"top_logprobs\": " + topLogprobs + "}]}, \"finish_reason\": \"length\"}]}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
