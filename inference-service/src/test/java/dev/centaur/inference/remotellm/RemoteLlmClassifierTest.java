package dev.centaur.inference.remotellm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.testdata.FakeChatCompletions;
import dev.centaur.inference.testdata.FakeChatCompletions.Mode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The remote LLM kind against a local OpenAI-compatible server, including its failures. */
class RemoteLlmClassifierTest {

    private static final List<String> LABELS = List.of("negative", "positive", "mixed");
    private static FakeChatCompletions server;

    @BeforeAll
    static void start() {
        server = new FakeChatCompletions();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RemoteLlmClassifier model(Mode mode, long timeoutMillis) {
        server.mode(mode);
        return new RemoteLlmClassifier(new RemoteLlmSettings(server.baseUrl(), "tiny-llm", "key", "Rate the review.", 5,
                timeoutMillis), LABELS, Optional.of("secret"), 1.0, Duration.ofSeconds(2));
    }

    @Test
    void distributionComesFromTheLabelLettersLogprobsWithAFloorForAbsentLabels() {
        try (RemoteLlmClassifier model = model(Mode.NORMAL, 2000)) {
            double[][] p = model.predict(List.of(ItemText.single("a good film"), ItemText.single("bad"),
                    ItemText.pair("what", "ever")));
            // good: A 0.2, B 0.6 + 0.1 (" B" is B), C absent -> half the smallest listed (0.1) = 0.05
            assertEquals(0.2 / 0.95, p[0][0], 1e-9);
            assertEquals(0.7 / 0.95, p[0][1], 1e-9);
            assertEquals(0.05 / 0.95, p[0][2], 1e-9);
            // bad: A 0.9, B 0.05, C absent -> 0.025
            assertEquals(0.9 / 0.975, p[1][0], 1e-9);
            assertEquals(0.025 / 0.975, p[1][2], 1e-9);
            // no label letter at all: every label gets the same floor
            assertEquals(1.0 / 3, p[2][0], 1e-9);
            assertEquals(1.0 / 3, p[2][2], 1e-9);
        }
        JsonObject request = server.lastRequest();
        assertEquals(1, request.get("max_tokens").getAsInt());
        assertTrue(request.get("logprobs").getAsBoolean());
        assertEquals(5, request.get("top_logprobs").getAsInt());
        assertEquals("tiny-llm", request.get("model").getAsString());
        String system = request.getAsJsonArray("messages").get(0).getAsJsonObject().get("content").getAsString();
        assertTrue(system.startsWith("Rate the review.") && system.contains("A: negative") && system.contains("C: mixed"),
                system);
        assertEquals("Bearer secret", server.lastAuthorization());
    }

    private static RemoteModelException failure(Mode mode, long timeoutMillis) {
        try (RemoteLlmClassifier model = model(mode, timeoutMillis)) {
            return assertThrows(RemoteModelException.class, () -> model.predict(List.of(ItemText.single("good"))));
        }
    }

    @Test
    void endpointErrorsBecomeReasonsNamingTheEndpointAndStatus() {
        RemoteModelException serverError = failure(Mode.SERVER_ERROR, 2000);
        assertEquals(RemoteModelException.Reason.UNAVAILABLE, serverError.reason());
        assertTrue(serverError.getMessage().contains(server.baseUrl() + "/chat/completions")
                && serverError.getMessage().contains("HTTP 500") && serverError.getMessage().contains("boom"),
                serverError.getMessage());
        RemoteModelException limited = failure(Mode.RATE_LIMITED, 2000);
        assertEquals(RemoteModelException.Reason.RATE_LIMITED, limited.reason());
        assertTrue(limited.getMessage().contains("HTTP 429"), limited.getMessage());
        RemoteModelException notFound = failure(Mode.NOT_FOUND, 2000);
        assertEquals(RemoteModelException.Reason.MISCONFIGURED, notFound.reason());
        assertTrue(notFound.getMessage().contains("HTTP 404") && notFound.getMessage().contains("'tiny-llm'"));
        RemoteModelException malformed = failure(Mode.MALFORMED_JSON, 2000);
        assertEquals(RemoteModelException.Reason.MISCONFIGURED, malformed.reason());
        assertTrue(malformed.getMessage().contains("not a chat completion"), malformed.getMessage());
        RemoteModelException noLogprobs = failure(Mode.NO_LOGPROBS, 2000);
        assertTrue(noLogprobs.getMessage().contains("no logprobs"), noLogprobs.getMessage());
    }

    @Test
    void aSlowEndpointTimesOutAsUnavailable() {
        long started = System.nanoTime();
        RemoteModelException timeout = failure(Mode.SLOW, 300);
        assertEquals(RemoteModelException.Reason.UNAVAILABLE, timeout.reason());
        assertTrue(timeout.getMessage().contains("did not answer within 300 ms"), timeout.getMessage());
        assertTrue((System.nanoTime() - started) / 1_000_000 < FakeChatCompletions.SLOW_MILLIS, "gave up before the answer");
    }

    @Test
    void aClosedPortIsUnavailable() {
        String closed;
        try (FakeChatCompletions gone = new FakeChatCompletions()) {
            closed = gone.baseUrl();
        }
        try (RemoteLlmClassifier model = new RemoteLlmClassifier(new RemoteLlmSettings(closed, "m", "", "", 5, 1000),
                LABELS, Optional.empty(), 1.0, Duration.ofSeconds(1))) {
            RemoteModelException refused = assertThrows(RemoteModelException.class,
                    () -> model.predict(List.of(ItemText.single("x"))));
            assertEquals(RemoteModelException.Reason.UNAVAILABLE, refused.reason());
            assertTrue(refused.getMessage().contains(closed), refused.getMessage());
        }
    }

    @Test
    void statusCodesMapToReasons() {
        assertEquals(RemoteModelException.Reason.UNAVAILABLE, RemoteLlmClassifier.reason(503));
        assertEquals(RemoteModelException.Reason.UNAVAILABLE, RemoteLlmClassifier.reason(408));
        assertEquals(RemoteModelException.Reason.RATE_LIMITED, RemoteLlmClassifier.reason(429));
        assertEquals(RemoteModelException.Reason.REQUEST_REFUSED, RemoteLlmClassifier.reason(400));
        assertEquals(RemoteModelException.Reason.MISCONFIGURED, RemoteLlmClassifier.reason(401));
    }
}
