package dev.centaur.inference.grpc;

import static dev.centaur.inference.testdata.Requests.assertStatus;
import static dev.centaur.inference.testdata.Requests.freshModelName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.inference.testdata.Requests;
import dev.centaur.inference.testdata.SyntheticTexts;
import dev.centaur.inference.testdata.SyntheticTexts.Example;
import dev.centaur.inference.v1.InferenceServiceGrpc.InferenceServiceBlockingStub;
import dev.centaur.inference.v1.ModelVersion;
import dev.centaur.inference.v1.PredictItem;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.PredictResponse;
import dev.centaur.inference.v1.Prediction;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PredictTest {

    @GrpcClient("inference")
    InferenceServiceBlockingStub inference;

    private String name;
    private ModelVersion trained;

    @BeforeEach
    void trainTopicModel() {
        name = freshModelName();
        trained = inference.train(Requests.topics(name, 80, 1).build()).getModel();
    }

    private static double accuracy(PredictResponse response, List<Example> truth) {
        int correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            List<Double> p = response.getPredictions(i).getProbabilitiesList();
            int predicted = p.get(1) > p.get(0) ? 1 : 0;
            correct += predicted == truth.get(i).label() ? 1 : 0;
        }
        return (double) correct / truth.size();
    }

    @Test
    void predictsWellAboveChanceInRequestOrderAcrossBatches() {
        // 40 items with predict-batch-size 16 in tests: three forward passes.
        List<Example> fresh = SyntheticTexts.topics(40, 123);
        PredictResponse response = inference.predict(Requests.predict(name, fresh).build());

        assertEquals(trained.getVersionId(), response.getVersionId());
        assertEquals(SyntheticTexts.TOPIC_LABELS, response.getLabelsList());
        assertEquals(40, response.getPredictionsCount());
        for (int i = 0; i < 40; i++) {
            Prediction prediction = response.getPredictions(i);
            assertEquals("item-" + i, prediction.getItemId());
            assertEquals(2, prediction.getProbabilitiesCount());
            assertEquals(1.0, prediction.getProbabilities(0) + prediction.getProbabilities(1), 1e-9);
        }
        assertTrue(accuracy(response, fresh) >= 0.85, "accuracy " + accuracy(response, fresh));
    }

    @Test
    void anItemGetsTheSameDistributionAloneOrInABatch() {
        List<Example> fresh = SyntheticTexts.topics(20, 5);
        PredictResponse batch = inference.predict(Requests.predict(name, fresh).build());
        PredictResponse alone = inference.predict(Requests.predict(name, fresh.subList(7, 8)).build());
        List<Double> inBatch = batch.getPredictions(7).getProbabilitiesList();
        List<Double> single = alone.getPredictions(0).getProbabilitiesList();
        for (int j = 0; j < 2; j++) {
            assertEquals(inBatch.get(j), single.get(j), 1e-6);
        }
    }

    @Test
    void predictsWithAnExplicitVersionEvenWhenItIsNotActive() {
        ModelVersion passive = inference.train(Requests.topics(name, 40, 2).build()).getModel();
        PredictResponse response = inference.predict(
                Requests.predict(name, SyntheticTexts.topics(3, 9)).setVersionId(passive.getVersionId()).build());
        assertEquals(passive.getVersionId(), response.getVersionId());
        assertEquals(3, response.getPredictionsCount());
        assertNotEquals(passive.getVersionId(), inference.predict(
                Requests.predict(name, SyntheticTexts.topics(1, 9)).build()).getVersionId());
    }

    @Test
    void pairItemsArePredicted() {
        String pairs = freshModelName();
        inference.train(Requests.train(pairs, SyntheticTexts.MATCH_LABELS, SyntheticTexts.productPairs(120, 3)).build());
        List<Example> fresh = SyntheticTexts.productPairs(60, 44);
        PredictResponse response = inference.predict(Requests.predict(pairs, fresh).build());
        assertEquals(SyntheticTexts.MATCH_LABELS, response.getLabelsList());
        assertTrue(accuracy(response, fresh) >= 0.8, "pair accuracy " + accuracy(response, fresh));
    }

    @Test
    void unknownModelsAndVersionsAreNotFound() {
        String unknown = freshModelName();
        assertStatus(Status.Code.NOT_FOUND, () -> inference.predict(
                Requests.predict(unknown, SyntheticTexts.topics(1, 1)).build()), "model_name '" + unknown + "'");
        String randomId = UUID.randomUUID().toString();
        assertStatus(Status.Code.NOT_FOUND, () -> inference.predict(
                Requests.predict(name, SyntheticTexts.topics(1, 1)).setVersionId(randomId).build()),
                "version_id '" + randomId + "'");
        assertStatus(Status.Code.NOT_FOUND, () -> inference.predict(
                Requests.predict(name, SyntheticTexts.topics(1, 1)).setVersionId("not-a-uuid").build()),
                "version_id 'not-a-uuid'");
        String other = freshModelName();
        String otherVersion = inference.train(Requests.topics(other, 20, 1).build()).getModel().getVersionId();
        assertStatus(Status.Code.NOT_FOUND, () -> inference.predict(
                Requests.predict(name, SyntheticTexts.topics(1, 1)).setVersionId(otherVersion).build()),
                "version_id '" + otherVersion + "'", "model_name '" + name + "'");
    }

    private void assertRejected(UnaryOperator<PredictRequest.Builder> breakIt, String... fragments) {
        PredictRequest request = breakIt.apply(Requests.predict(name, SyntheticTexts.topics(3, 1))).build();
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> inference.predict(request), fragments);
    }

    private static UnaryOperator<PredictRequest.Builder> content(int index, ItemContent content) {
        return request -> request.setItems(index, request.getItems(index).toBuilder().setContent(content));
    }

    @Test
    void badRequestsAreRejected() {
        assertRejected(r -> r.setModelName("No Such Name!"), "model_name", "'No Such Name!'");
        assertRejected(PredictRequest.Builder::clearItems, "items", "empty");
        assertRejected(r -> {
            for (int i = 0; i < 1001; i++) {
                r.addItems(PredictItem.newBuilder().setItemId("x" + i).setContent(ItemContent.newBuilder().setText("t")));
            }
            return r;
        }, "items", "1004 items", "limit of 1000");
        assertRejected(r -> r.setItems(1, r.getItems(1).toBuilder().clearItemId()), "items[1].item_id", "empty");
        assertRejected(content(0, ItemContent.getDefaultInstance()), "items[0].content", "text is empty");
        assertRejected(content(2, ItemContent.newBuilder().setTextB("b only").build()), "items[2].content.text_a",
                "'b only'");
        assertRejected(content(0, ItemContent.newBuilder().setText("z".repeat(10_001)).build()),
                "items[0].content.text", "10001 characters");
    }
}
