package dev.centaur.inference.grpc;

import static dev.centaur.inference.testdata.Requests.assertStatus;
import static dev.centaur.inference.testdata.Requests.countVersions;
import static dev.centaur.inference.testdata.Requests.freshModelName;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.inference.service.ModelCatalog;
import dev.centaur.inference.testdata.Requests;
import dev.centaur.inference.testdata.SyntheticTexts;
import dev.centaur.inference.v1.InferenceServiceGrpc.InferenceServiceBlockingStub;
import dev.centaur.inference.v1.LabeledExample;
import dev.centaur.inference.v1.ModelVersion;
import dev.centaur.inference.v1.TrainRequest;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrainTest {

    @GrpcClient("inference")
    InferenceServiceBlockingStub inference;

    @Inject
    DataSource dataSource;

    @Inject
    ModelCatalog catalog;

    private static final AtomicBoolean OLD_MODELS_DELETED = new AtomicBoolean();

    @BeforeEach
    void deleteOldTestModelsOnce() {
        if (OLD_MODELS_DELETED.compareAndSet(false, true)) {
            Requests.deleteOldTestModels(dataSource);
        }
    }

    @Test
    void trainStoresAnActiveFirstVersionWithHeldOutMetrics() {
        String name = freshModelName();
        long before = System.currentTimeMillis();
        ModelVersion model = inference.train(Requests.topics(name, 60, 1).setSeed(5).build()).getModel();

        UUID.fromString(model.getVersionId());
        assertEquals(name, model.getModelName());
        assertEquals("BUILTIN", model.getKind());
        assertEquals(SyntheticTexts.TOPIC_LABELS, model.getLabelsList());
        assertEquals(48, model.getTrainExamples());
        assertEquals(12, model.getHeldoutExamples());
        assertTrue(model.getHeldoutAccuracy() > 0.7, "held-out accuracy " + model.getHeldoutAccuracy());
        assertTrue(model.getTemperature() > 0);
        assertTrue(model.getHeldoutEce() >= 0 && model.getHeldoutEce() <= 1);
        assertTrue(model.getHeldoutLogLoss() > 0 && model.getHeldoutLogLoss() < Math.log(2),
                "log loss better than a coin: " + model.getHeldoutLogLoss());
        assertTrue(model.getHeldoutLogLoss() <= model.getHeldoutLogLossUncalibrated() + 1e-9,
                "the temperature is fitted to minimise held-out log loss: " + model.getHeldoutLogLoss() + " vs "
                        + model.getHeldoutLogLossUncalibrated());
        assertTrue(model.getActive(), "the first version of a name is active");
        assertTrue(model.getCreatedAtEpochMs() >= before - 1000);
        assertEquals(1, countVersions(dataSource, name));
    }

    @Test
    void laterVersionsBecomeActiveOnlyWhenAsked() {
        String name = freshModelName();
        ModelVersion first = inference.train(Requests.topics(name, 40, 1).build()).getModel();
        ModelVersion passive = inference.train(Requests.topics(name, 40, 2).build()).getModel();
        assertFalse(passive.getActive());
        ModelVersion activated = inference.train(Requests.topics(name, 40, 3).setActivate(true).build()).getModel();
        assertTrue(activated.getActive());

        List<ModelVersion> versions = inference.listModels(
                dev.centaur.inference.v1.ListModelsRequest.newBuilder().setModelName(name).build()).getModelsList();
        assertEquals(List.of(activated.getVersionId(), passive.getVersionId(), first.getVersionId()),
                versions.stream().map(ModelVersion::getVersionId).toList());
        assertEquals(List.of(true, false, false), versions.stream().map(ModelVersion::getActive).toList());
        assertEquals(1, Requests.countActive(dataSource, name));
    }

    @Test
    void sameSeedAndExamplesStoreIdenticalWeights() {
        String name = freshModelName();
        ModelVersion a = inference.train(Requests.topics(name, 40, 4).setSeed(9).build()).getModel();
        ModelVersion b = inference.train(Requests.topics(name, 40, 4).setSeed(9).build()).getModel();
        assertArrayEquals(catalog.weights(UUID.fromString(a.getVersionId())),
                catalog.weights(UUID.fromString(b.getVersionId())));
        assertEquals(a.getTemperature(), b.getTemperature());
        assertEquals(a.getHeldoutAccuracy(), b.getHeldoutAccuracy());
    }

    @Test
    void trainsOnPairs() {
        String name = freshModelName();
        ModelVersion model = inference.train(Requests.train(name, SyntheticTexts.MATCH_LABELS,
                SyntheticTexts.productPairs(80, 3)).build()).getModel();
        assertEquals(SyntheticTexts.MATCH_LABELS, model.getLabelsList());
        assertTrue(model.getHeldoutAccuracy() > 0.7, "held-out accuracy " + model.getHeldoutAccuracy());
    }

    private void assertRejected(UnaryOperator<TrainRequest.Builder> breakIt, String... fragments) {
        String name = freshModelName();
        TrainRequest request = breakIt.apply(Requests.topics(name, 20, 1)).build();
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> inference.train(request), fragments);
        assertEquals(0, countVersions(dataSource, request.getModelName()), "nothing written");
        assertEquals(0, countVersions(dataSource, name), "nothing written");
    }

    private static UnaryOperator<TrainRequest.Builder> content(int index, ItemContent content) {
        return request -> request.setExamples(index, request.getExamples(index).toBuilder().setContent(content));
    }

    @Test
    void badModelNamesAreRejected() {
        assertRejected(r -> r.setModelName("Bad Name"), "model_name", "'Bad Name'");
        assertRejected(r -> r.setModelName(""), "model_name", "''");
        assertRejected(r -> r.setModelName("-starts-with-dash"), "model_name", "'-starts-with-dash'");
        assertRejected(r -> r.setModelName("x".repeat(65)), "model_name", "'xxxx");
    }

    @Test
    void badLabelSetsAreRejected() {
        assertRejected(r -> r.clearLabels().addLabels("sports"), "labels", "[sports]", "at least 2");
        assertRejected(r -> r.addLabels("sports"), "labels[2]", "'sports'", "repeats labels[0]");
        assertRejected(r -> r.addLabels(" "), "labels[2]", "empty");
    }

    @Test
    void badExamplesAreRejected() {
        assertRejected(r -> r.setExamples(3, r.getExamples(3).toBuilder().setLabel("politics")),
                "examples[3].label", "'politics'");
        assertRejected(content(0, ItemContent.newBuilder().setText("a").setTextA("b").setTextB("c").build()),
                "examples[0].content", "not both", "'a'");
        assertRejected(content(2, ItemContent.newBuilder().setTextA("only a").build()),
                "examples[2].content.text_b", "'only a'");
        assertRejected(content(1, ItemContent.getDefaultInstance()), "examples[1].content", "text is empty");
        assertRejected(r -> r.setExamples(1, LabeledExample.newBuilder().setLabel("tech")),
                "examples[1].content", "text is empty");
        assertRejected(content(0, ItemContent.newBuilder().setText("   ").build()), "examples[0].content.text", "blank");
        assertRejected(content(4, ItemContent.newBuilder().setText("y".repeat(10_001)).build()),
                "examples[4].content.text", "10001 characters", "limit of 10000");
    }

    @Test
    void tooFewOrOneSidedExamplesAreRejected() {
        assertRejected(r -> {
            List<LabeledExample> kept = r.getExamplesList().subList(0, 5);
            return r.clearExamples().addAllExamples(kept);
        }, "examples", "5 examples", "at least 10");
        assertRejected(r -> {
            List<LabeledExample> sports = r.getExamplesList().stream()
                    .filter(e -> e.getLabel().equals("sports")).toList();
            return r.clearExamples().addAllExamples(sports);
        }, "examples", "all have label 'sports'");
    }

    @Test
    void holdoutFractionOutOfRangeIsRejected() {
        assertRejected(r -> r.setHoldoutFraction(0.95), "holdout_fraction", "0.95");
        assertRejected(r -> r.setHoldoutFraction(-0.1), "holdout_fraction", "-0.1");
        assertRejected(r -> r.setHoldoutFraction(Double.NaN), "holdout_fraction", "NaN");
    }
}
