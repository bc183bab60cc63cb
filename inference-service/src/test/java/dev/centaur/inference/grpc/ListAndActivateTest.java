package dev.centaur.inference.grpc;

import static dev.centaur.inference.testdata.Requests.assertStatus;
import static dev.centaur.inference.testdata.Requests.countActive;
import static dev.centaur.inference.testdata.Requests.countVersions;
import static dev.centaur.inference.testdata.Requests.freshModelName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.inference.service.ModelRegistry;
import dev.centaur.inference.testdata.Requests;
import dev.centaur.inference.testdata.SyntheticTexts;
import dev.centaur.inference.v1.ActivateRequest;
import dev.centaur.inference.v1.InferenceServiceGrpc.InferenceServiceBlockingStub;
import dev.centaur.inference.v1.ListModelsRequest;
import dev.centaur.inference.v1.ModelVersion;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ListAndActivateTest {

    @GrpcClient("inference")
    InferenceServiceBlockingStub inference;

    @Inject
    DataSource dataSource;

    @Inject
    ModelRegistry registry;

    private ModelVersion train(String name, long seed) {
        return inference.train(Requests.topics(name, 20, seed).build()).getModel();
    }

    private String servingVersion(String name) {
        return inference.predict(Requests.predict(name, SyntheticTexts.topics(1, 1)).build()).getVersionId();
    }

    private List<ModelVersion> list(String name) {
        return inference.listModels(ListModelsRequest.newBuilder().setModelName(name).build()).getModelsList();
    }

    @Test
    void listModelsFiltersByNameNewestFirst() {
        String name = freshModelName();
        String other = freshModelName();
        ModelVersion first = train(name, 1);
        ModelVersion second = train(name, 2);
        ModelVersion elsewhere = train(other, 3);

        assertEquals(List.of(second.getVersionId(), first.getVersionId()),
                list(name).stream().map(ModelVersion::getVersionId).toList());
        List<String> all = inference.listModels(ListModelsRequest.getDefaultInstance()).getModelsList().stream()
                .map(ModelVersion::getVersionId).toList();
        assertTrue(all.containsAll(List.of(first.getVersionId(), second.getVersionId(), elsewhere.getVersionId())));
        assertTrue(all.indexOf(elsewhere.getVersionId()) < all.indexOf(first.getVersionId()), "newest first");
        assertEquals(List.of(), list(freshModelName()));
    }

    @Test
    void listModelsRejectsAnInvalidNameFilter() {
        assertStatus(Status.Code.INVALID_ARGUMENT,
                () -> inference.listModels(ListModelsRequest.newBuilder().setModelName("UPPER case").build()),
                "model_name", "'UPPER case'");
    }

    @Test
    void activateSwitchesTheServedVersionInTheDatabaseAndInMemory() {
        String name = freshModelName();
        ModelVersion first = train(name, 1);
        ModelVersion second = train(name, 2);
        assertEquals(first.getVersionId(), servingVersion(name));

        ModelVersion activated = inference.activate(
                ActivateRequest.newBuilder().setVersionId(second.getVersionId()).build()).getModel();
        assertTrue(activated.getActive());
        assertEquals(second.getVersionId(), activated.getVersionId());
        assertEquals(second.getVersionId(), servingVersion(name));
        assertTrue(registry.loadedVersions().stream()
                .anyMatch(v -> v.id().toString().equals(second.getVersionId())));
        assertFalse(list(name).stream().filter(v -> v.getVersionId().equals(first.getVersionId()))
                .findFirst().orElseThrow().getActive());
        assertEquals(1, countActive(dataSource, name));
    }

    @Test
    void activatingTheActiveVersionAgainChangesNothing() {
        String name = freshModelName();
        ModelVersion first = train(name, 1);
        ActivateRequest request = ActivateRequest.newBuilder().setVersionId(first.getVersionId()).build();
        ModelVersion once = inference.activate(request).getModel();
        ModelVersion twice = inference.activate(request).getModel();
        assertEquals(once, twice);
        assertTrue(twice.getActive());
        assertEquals(1, countActive(dataSource, name));
        assertEquals(1, countVersions(dataSource, name));
        assertEquals(first.getVersionId(), servingVersion(name));
    }

    @Test
    void activateRejectsMissingAndUnknownVersions() {
        assertStatus(Status.Code.INVALID_ARGUMENT,
                () -> inference.activate(ActivateRequest.getDefaultInstance()), "version_id", "empty");
        String unknown = UUID.randomUUID().toString();
        assertStatus(Status.Code.NOT_FOUND,
                () -> inference.activate(ActivateRequest.newBuilder().setVersionId(unknown).build()),
                "version_id '" + unknown + "'");
        assertStatus(Status.Code.NOT_FOUND,
                () -> inference.activate(ActivateRequest.newBuilder().setVersionId("v1").build()), "version_id 'v1'");
    }
}
