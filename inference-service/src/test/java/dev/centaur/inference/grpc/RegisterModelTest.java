package dev.centaur.inference.grpc;

import static dev.centaur.inference.testdata.Requests.assertStatus;
import static dev.centaur.inference.testdata.Requests.countVersions;
import static dev.centaur.inference.testdata.Requests.freshModelName;
import static dev.centaur.inference.testdata.TinyTorchScriptModel.positive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.inference.testdata.FakeChatCompletions;
import dev.centaur.inference.testdata.FakeChatCompletions.Mode;
import dev.centaur.inference.testdata.TinyTorchScriptModel;
import dev.centaur.inference.v1.InferenceServiceGrpc.InferenceServiceBlockingStub;
import dev.centaur.inference.v1.LabeledExample;
import dev.centaur.inference.v1.ModelKind;
import dev.centaur.inference.v1.ModelVersion;
import dev.centaur.inference.v1.PredictItem;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.PredictResponse;
import dev.centaur.inference.v1.RegisterModelRequest;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RegisterModel and Predict for the TORCHSCRIPT and REMOTE_LLM kinds, end to end over gRPC. */
@QuarkusTest
class RegisterModelTest {

    private static final List<String> SENTIMENT = List.of("negative", "positive");
    private static FakeChatCompletions llm;

    @GrpcClient("inference")
    InferenceServiceBlockingStub inference;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void start() {
        TinyTorchScriptModel.build();
        llm = new FakeChatCompletions();
    }

    @AfterAll
    static void stop() {
        llm.close();
    }

    private static LabeledExample example(String text, String label) {
        return LabeledExample.newBuilder().setContent(ItemContent.newBuilder().setText(text)).setLabel(label).build();
    }

    private static RegisterModelRequest.Builder torchScript(String name) {
        return RegisterModelRequest.newBuilder().setModelName(name).setKind(ModelKind.MODEL_KIND_TORCHSCRIPT)
                .addAllLabels(SENTIMENT).setModelDir(TinyTorchScriptModel.DIR);
    }

    private RegisterModelRequest.Builder remote(String name) {
        llm.mode(Mode.NORMAL);
        return RegisterModelRequest.newBuilder().setModelName(name).setKind(ModelKind.MODEL_KIND_REMOTE_LLM)
                .addAllLabels(SENTIMENT).setEndpointBaseUrl(llm.baseUrl()).setEndpointModel("tiny-llm")
                .setApiKeyRef("test-key").setInstructions("Is the review positive?").setTimeoutMs(2000);
    }

    private PredictResponse predict(String name, ItemContent... contents) {
        PredictRequest.Builder request = PredictRequest.newBuilder().setModelName(name);
        for (int i = 0; i < contents.length; i++) {
            request.addItems(PredictItem.newBuilder().setItemId("i" + i).setContent(contents[i]));
        }
        return inference.predict(request.build());
    }

    private static ItemContent text(String text) {
        return ItemContent.newBuilder().setText(text).build();
    }

    @Test
    void aTorchScriptVersionPredictsThroughTheBatcher() {
        String name = freshModelName();
        ModelVersion version = inference.registerModel(torchScript(name).build()).getModel();
        assertEquals("TORCHSCRIPT", version.getKind());
        assertEquals(ModelKind.MODEL_KIND_TORCHSCRIPT, version.getModelKind());
        assertEquals(TinyTorchScriptModel.DIR, version.getModelDir());
        assertTrue(version.getActive(), "the first version of a name is active");
        assertEquals(1.0, version.getTemperature());
        assertTrue(Double.isNaN(version.getHeldoutAccuracy()), "no calibration examples, nothing measured");

        PredictResponse answer = predict(name, text("good great movie"), text("awful"),
                ItemContent.newBuilder().setTextA("good").setTextB("bad bad").build());
        assertEquals(version.getVersionId(), answer.getVersionId());
        assertEquals(SENTIMENT, answer.getLabelsList());
        assertEquals(positive(0, 4), answer.getPredictions(0).getProbabilities(1), 1e-6);
        assertEquals(positive(2, 0), answer.getPredictions(1).getProbabilities(1), 1e-6);
        assertEquals(positive(4, 2), answer.getPredictions(2).getProbabilities(1), 1e-6);
    }

    @Test
    void calibrationExamplesFitTheTemperatureAndMeasureTheVersion() {
        String name = freshModelName();
        ModelVersion version = inference.registerModel(torchScript(name)
                .addCalibrationExamples(example("good movie", "positive"))
                .addCalibrationExamples(example("great", "positive"))
                .addCalibrationExamples(example("bad", "negative"))
                .addCalibrationExamples(example("the movie", "positive"))
                .addCalibrationExamples(example("awful movie", "positive")).build()).getModel();
        assertEquals(5, version.getHeldoutExamples());
        assertEquals(0.6, version.getHeldoutAccuracy(), 1e-9); // "the movie" is a tie (argmax negative), "awful" wrong
        assertNotEquals(1.0, version.getTemperature());
        assertTrue(version.getHeldoutLogLoss() <= version.getHeldoutLogLossUncalibrated() + 1e-9);
    }

    @Test
    void aRemoteLlmVersionPredictsFromLabelLogprobsAndKeepsTheKeyOutOfTheDatabase() throws Exception {
        String name = freshModelName();
        ModelVersion version = inference.registerModel(remote(name)
                .addCalibrationExamples(example("a good one", "positive"))
                .addCalibrationExamples(example("bad", "negative"))
                .addCalibrationExamples(example("so good", "positive")).build()).getModel();
        assertEquals(ModelKind.MODEL_KIND_REMOTE_LLM, version.getModelKind());
        assertEquals(llm.baseUrl(), version.getEndpointBaseUrl());
        assertEquals("tiny-llm", version.getEndpointModel());
        assertEquals("test-key", version.getApiKeyRef());
        assertEquals(1.0, version.getHeldoutAccuracy());
        assertEquals("Bearer secret-for-tests", llm.lastAuthorization());
        try (Connection connection = dataSource.getConnection(); ResultSet row = connection.createStatement()
                .executeQuery("select kind_config from inference.model_version where id = '" + version.getVersionId() + "'")) {
            row.next();
            assertFalse(row.getString(1).contains("secret-for-tests"), row.getString(1));
        }

        PredictResponse answer = predict(name, text("good"), text("bad"));
        double[] good = answer.getPredictions(0).getProbabilitiesList().stream().mapToDouble(Double::doubleValue).toArray();
        double t = version.getTemperature();
        // good: A 0.2, B 0.7 at T = 1; at T: softmax(log p / T)
        double expected = Math.pow(0.7, 1 / t) / (Math.pow(0.7, 1 / t) + Math.pow(0.2, 1 / t));
        assertEquals(expected, good[1], 1e-9);
        assertTrue(answer.getPredictions(1).getProbabilities(0) > 0.9);
    }

    @Test
    void remoteEndpointFailuresBecomeClearStatuses() {
        String name = freshModelName();
        inference.registerModel(remote(name).setTimeoutMs(300).build());
        llm.mode(Mode.SERVER_ERROR);
        assertStatus(Status.Code.UNAVAILABLE, () -> predict(name, text("good")), llm.baseUrl() + "/chat/completions",
                "HTTP 500");
        llm.mode(Mode.RATE_LIMITED);
        assertStatus(Status.Code.RESOURCE_EXHAUSTED, () -> predict(name, text("good")), "HTTP 429");
        llm.mode(Mode.MALFORMED_JSON);
        assertStatus(Status.Code.FAILED_PRECONDITION, () -> predict(name, text("good")), "not a chat completion");
        llm.mode(Mode.SLOW);
        assertStatus(Status.Code.UNAVAILABLE, () -> predict(name, text("good")), "did not answer within 300 ms");
        llm.mode(Mode.NORMAL);
        assertEquals(2, predict(name, text("good"), text("bad")).getPredictionsCount(), "recovers once the endpoint does");
    }

    private void assertRejected(RegisterModelRequest.Builder request, Status.Code code, String... fragments) {
        assertStatus(code, () -> inference.registerModel(request.build()), fragments);
        assertEquals(0, countVersions(dataSource, request.getModelName()), "nothing written");
    }

    private void assertInvalid(UnaryOperator<RegisterModelRequest.Builder> breakIt, boolean torch, String... fragments) {
        String name = freshModelName();
        assertRejected(breakIt.apply(torch ? torchScript(name) : remote(name)), Status.Code.INVALID_ARGUMENT, fragments);
    }

    @Test
    void badTorchScriptRegistrationsAreRefusedAndWriteNothing() throws Exception {
        assertInvalid(r -> r.setModelDir("no-such-dir"), true, "model_dir 'no-such-dir'", "not a directory");
        assertInvalid(r -> r.setModelDir(""), true, "model_dir ''", "empty");
        assertInvalid(r -> r.setModelDir("../../etc"), true, "model_dir '../../etc'", "outside the model store");
        Path noModel = TinyTorchScriptModel.copy("grpc-no-model");
        Files.delete(noModel.resolve("model.pt"));
        assertInvalid(r -> r.setModelDir("grpc-no-model"), true, "model_dir 'grpc-no-model'", "has no model.pt");
        Path noTokenizer = TinyTorchScriptModel.copy("grpc-no-tokenizer");
        Files.delete(noTokenizer.resolve("tokenizer.json"));
        assertInvalid(r -> r.setModelDir("grpc-no-tokenizer"), true, "has no tokenizer.json");
        Path broken = TinyTorchScriptModel.copy("grpc-broken-model");
        Files.writeString(broken.resolve("model.pt"), "not torchscript");
        assertInvalid(r -> r.setModelDir("grpc-broken-model"), true, "model_dir 'grpc-broken-model'",
                "not a loadable TorchScript model");
        assertInvalid(r -> r.clearLabels().addLabels("positive").addLabels("negative"), true,
                "labels [positive, negative] differ from the labels [negative, positive]");
        Path threeLabels = TinyTorchScriptModel.copy("grpc-three-labels");
        Files.writeString(threeLabels.resolve("centaur-model.json"),
                "{\"labels\": [\"negative\", \"positive\", \"mixed\"], \"max_length\": 8}");
        assertInvalid(r -> r.setModelDir("grpc-three-labels").addLabels("mixed"), true, "model_dir 'grpc-three-labels'",
                "outputs of shape (1, 2)", "expected (1, 3)");
        assertInvalid(r -> r.setEndpointBaseUrl("http://x"), true, "endpoint_base_url", "is for REMOTE_LLM");
        assertInvalid(r -> r.setKind(ModelKind.MODEL_KIND_BUILT_IN), true, "kind MODEL_KIND_BUILT_IN");
        assertInvalid(r -> r.setKind(ModelKind.MODEL_KIND_UNSPECIFIED), true, "kind MODEL_KIND_UNSPECIFIED");
        assertInvalid(r -> r.addCalibrationExamples(example("good", "neutral")), true,
                "calibration_examples[0].label 'neutral'");
        assertInvalid(r -> r.setModelName("Bad Name"), true, "model_name 'Bad Name'");
    }

    @Test
    void badRemoteRegistrationsAreRefusedAndWriteNothing() {
        assertInvalid(r -> r.setEndpointBaseUrl("ftp://host/v1"), false, "endpoint_base_url 'ftp://host/v1'");
        assertInvalid(r -> r.setEndpointBaseUrl("not a url"), false, "endpoint_base_url 'not a url'");
        assertInvalid(r -> r.setEndpointModel(""), false, "endpoint_model ''");
        assertInvalid(r -> r.setApiKeyRef("unknown-key"), false, "api_key_ref 'unknown-key'", "not configured");
        assertInvalid(r -> r.setApiKeyRef("sk-live key!"), false, "api_key_ref 'sk-live key!'");
        assertInvalid(r -> r.setTopLogprobs(21), false, "top_logprobs 21");
        assertInvalid(r -> r.setTimeoutMs(-1), false, "timeout_ms -1");
        assertInvalid(r -> r.setModelDir("tiny-sentiment"), false, "model_dir 'tiny-sentiment'", "is for TORCHSCRIPT");
        String name = freshModelName();
        RegisterModelRequest.Builder down = remote(name);
        llm.mode(Mode.SERVER_ERROR);
        assertRejected(down, Status.Code.UNAVAILABLE, "HTTP 500", llm.baseUrl());
    }
}
