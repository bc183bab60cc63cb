package dev.centaur.inference.grpc;

import static dev.centaur.inference.testdata.Requests.assertStatus;
import static dev.centaur.inference.testdata.Requests.countActive;
import static dev.centaur.inference.testdata.Requests.freshModelName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.inference.testdata.Requests;
import dev.centaur.inference.testdata.SyntheticTexts;
import dev.centaur.inference.v1.ActivateRequest;
import dev.centaur.inference.v1.InferenceServiceGrpc.InferenceServiceBlockingStub;
import dev.centaur.inference.v1.ModelVersion;
import dev.centaur.inference.v1.RollbackRequest;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RollbackTest {

    @GrpcClient("inference")
    InferenceServiceBlockingStub inference;

    @Inject
    DataSource dataSource;

    private ModelVersion train(String name, long seed, boolean activate) {
        return inference.train(Requests.topics(name, 20, seed).setActivate(activate).build()).getModel();
    }

    private String servingVersion(String name) {
        return inference.predict(Requests.predict(name, SyntheticTexts.topics(1, 1)).build()).getVersionId();
    }

    private ModelVersion rollback(String name) {
        return inference.rollback(RollbackRequest.newBuilder().setModelName(name).build()).getModel();
    }

    @Test
    void rollbackReturnsToThePreviousActiveVersionAndRepeatedRollbacksWalkFurtherBack() {
        String name = freshModelName();
        ModelVersion first = train(name, 1, false);
        ModelVersion second = train(name, 2, true);
        train(name, 3, false); // trained but never active: not part of the history
        ModelVersion fourth = train(name, 4, true);
        assertEquals(fourth.getVersionId(), servingVersion(name));

        ModelVersion back = rollback(name);
        assertEquals(second.getVersionId(), back.getVersionId());
        assertTrue(back.getActive());
        assertEquals(second.getVersionId(), servingVersion(name), "Predict follows at once");

        assertEquals(first.getVersionId(), rollback(name).getVersionId());
        assertEquals(first.getVersionId(), servingVersion(name));
        assertEquals(1, countActive(dataSource, name));

        assertStatus(Status.Code.FAILED_PRECONDITION, () -> rollback(name), "model_name '" + name + "'",
                "no earlier active version");
        assertEquals(first.getVersionId(), servingVersion(name), "a refused rollback changes nothing");
    }

    @Test
    void activateAfterRollbackIsPushedOntoTheHistory() {
        String name = freshModelName();
        ModelVersion first = train(name, 1, false);
        ModelVersion second = train(name, 2, true);
        rollback(name);
        inference.activate(ActivateRequest.newBuilder().setVersionId(second.getVersionId()).build());
        assertEquals(first.getVersionId(), rollback(name).getVersionId());
    }

    @Test
    void aSingleVersionHasNothingToRollBackTo() {
        String name = freshModelName();
        ModelVersion only = train(name, 1, false);
        assertStatus(Status.Code.FAILED_PRECONDITION, () -> rollback(name), "model_name '" + name + "'",
                "no earlier active version");
        assertEquals(only.getVersionId(), servingVersion(name));
        assertEquals(1, countActive(dataSource, name));
    }

    @Test
    void anUnknownNameIsNotFoundAndABadNameIsInvalid() {
        String unknown = freshModelName();
        assertStatus(Status.Code.NOT_FOUND, () -> rollback(unknown), "model_name '" + unknown + "'");
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> rollback("Bad Name!"), "model_name", "Bad Name!");
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> rollback(""), "model_name");
    }
}
