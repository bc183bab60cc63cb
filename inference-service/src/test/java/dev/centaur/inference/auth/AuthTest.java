package dev.centaur.inference.auth;

import static dev.centaur.inference.testdata.Requests.assertStatus;
import static dev.centaur.inference.testdata.Requests.countVersions;
import static dev.centaur.inference.testdata.Requests.freshModelName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.centaur.guard.BearerTokens;
import dev.centaur.guard.Roles;
import dev.centaur.inference.testdata.Requests;
import dev.centaur.inference.testdata.SyntheticTexts;
import dev.centaur.inference.v1.GetJobRequest;
import dev.centaur.inference.v1.InferenceServiceGrpc;
import dev.centaur.inference.v1.InferenceServiceGrpc.InferenceServiceBlockingStub;
import dev.centaur.inference.v1.ListModelsRequest;
import dev.centaur.inference.v1.PredictStreamRequest;
import dev.centaur.inference.v1.PredictStreamResponse;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * inference's one check with auth on: no token or an unknown one is UNAUTHENTICATED, a role the
 * method does not allow is PERMISSION_DENIED naming the method and the role (and writes nothing),
 * router's answers are remembered (router down: known tokens still work, unknown ones are
 * UNAVAILABLE). Router is FakeAccess, router's AccessService contract on a free port.
 */
@QuarkusTest
@TestProfile(AuthProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthTest {

    private static final String MISSING = "missing the 'authorization: Bearer <token>' header";
    private static final String INFERENCE = "centaur.inference.v1.InferenceService/";

    @GrpcClient("inference")
    InferenceServiceBlockingStub inference;

    @GrpcClient("inference")
    Channel channel;

    @Inject
    DataSource dataSource;

    @Test
    @Order(1)
    void withoutATokenEveryCallIsUnauthenticated() throws Exception {
        assertStatus(Status.Code.UNAUTHENTICATED, () -> inference.listModels(ListModelsRequest.getDefaultInstance()),
                MISSING);
        assertStatus(Status.Code.UNAUTHENTICATED, () -> inference.predict(
                Requests.predict(freshModelName(), SyntheticTexts.topics(1, 1)).build()), MISSING);
        assertEquals(Status.Code.UNAUTHENTICATED, predictStream(null, freshModelName()).getCode());
        assertStatus(Status.Code.UNAUTHENTICATED, () -> withHeader("Basic dXNlcjpwYXNz")
                .listModels(ListModelsRequest.getDefaultInstance()), MISSING);
    }

    @Test
    @Order(2)
    void anUnknownTokenIsUnauthenticatedAndRouterIsAskedOnceWithTheServiceToken() {
        String unknown = "ctk_never-issued-" + freshModelName();
        assertStatus(Status.Code.UNAUTHENTICATED, () -> as(unknown).listModels(ListModelsRequest.getDefaultInstance()),
                "the bearer token is unknown or revoked");
        assertStatus(Status.Code.UNAUTHENTICATED, () -> as(unknown).listModels(ListModelsRequest.getDefaultInstance()),
                "unknown or revoked");
        assertEquals(1, FakeAccess.calls(unknown));
        assertEquals(List.of(BearerTokens.header(AuthProfile.SERVICE_TOKEN)), FakeAccess.authorizations());
    }

    @Test
    @Order(3)
    void serviceAndAdminsManageAndPredictOthersAreRefusedAndNothingIsWritten() throws Exception {
        String name = freshModelName();
        as(AuthProfile.SERVICE_TOKEN).train(Requests.topics(name, 20, 1).build());
        as(AuthProfile.SERVICE_TOKEN).predict(Requests.predict(name, SyntheticTexts.topics(2, 2)).build());
        as(AuthProfile.ADMIN_TOKEN).listModels(ListModelsRequest.newBuilder().setModelName(name).build());
        String routerAdmin = FakeAccess.issue(Roles.ADMIN, "ada");
        // PredictStream is checked as it starts: a token router must be asked about resolves there too.
        assertEquals(Status.Code.OK, predictStream(routerAdmin, name).getCode());
        Status refused = predictStream(FakeAccess.issue(Roles.CLIENT, "streamer"), name);
        assertEquals(Status.Code.PERMISSION_DENIED, refused.getCode());
        assertEquals("role 'client' may not call " + INFERENCE + "PredictStream", refused.getDescription());
        as(routerAdmin).predict(Requests.predict(name, SyntheticTexts.topics(2, 3)).build());

        InferenceServiceBlockingStub client = as(FakeAccess.issue(Roles.CLIENT, "acme"));
        InferenceServiceBlockingStub expert = as(FakeAccess.issue(Roles.EXPERT, "erin"));
        String other = freshModelName();
        assertStatus(Status.Code.PERMISSION_DENIED, () -> client.train(Requests.topics(other, 20, 1).build()),
                "role 'client' may not call " + INFERENCE + "Train");
        assertStatus(Status.Code.PERMISSION_DENIED,
                () -> client.predict(Requests.predict(name, SyntheticTexts.topics(1, 1)).build()),
                "role 'client' may not call " + INFERENCE + "Predict");
        assertStatus(Status.Code.PERMISSION_DENIED, () -> expert.listModels(ListModelsRequest.getDefaultInstance()),
                "role 'expert' may not call " + INFERENCE + "ListModels");
        assertStatus(Status.Code.PERMISSION_DENIED, () -> expert.getJob(GetJobRequest.newBuilder().setJobId("j").build()),
                "role 'expert' may not call " + INFERENCE + "GetJob");
        assertEquals(0, countVersions(dataSource, other));
        assertEquals(1, countVersions(dataSource, name));
    }

    @Test
    @Order(4)
    void routerAnswersAreRememberedForTheTtlAndRouterDownWithNothingRememberedIsUnavailable() throws Exception {
        String token = FakeAccess.issue(Roles.ADMIN, "remembered");
        as(token).listModels(ListModelsRequest.getDefaultInstance());
        FakeAccess.revoke(token);
        FakeAccess.goDown();
        try {
            as(token).listModels(ListModelsRequest.getDefaultInstance());
            assertEquals(1, FakeAccess.calls(token));
            String fresh = FakeAccess.issue(Roles.ADMIN, "fresh");
            assertStatus(Status.Code.UNAVAILABLE, () -> as(fresh).listModels(ListModelsRequest.getDefaultInstance()),
                    "cannot check the bearer token now: router-service's AccessService.Authenticate answered UNAVAILABLE");
            as(AuthProfile.SERVICE_TOKEN).listModels(ListModelsRequest.getDefaultInstance());
            as(AuthProfile.ADMIN_TOKEN).listModels(ListModelsRequest.getDefaultInstance());
        } finally {
            FakeAccess.comeBack();
        }
        Thread.sleep(AuthProfile.CACHE_TTL_MS + 100);
        StatusRuntimeException revoked = assertThrows(StatusRuntimeException.class, () -> awaitRouter(
                () -> as(token).listModels(ListModelsRequest.getDefaultInstance())));
        assertEquals(Status.Code.UNAUTHENTICATED, revoked.getStatus().getCode(), revoked.getStatus().toString());
        assertEquals(2, FakeAccess.calls(token));
    }

    private static void awaitRouter(Runnable call) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                call.run();
                return;
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || attempt >= 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** One PredictStream message for the model: how the call ended. */
    private Status predictStream(String token, String model) throws Exception {
        CompletableFuture<Status> done = new CompletableFuture<>();
        InferenceServiceGrpc.InferenceServiceStub stub = InferenceServiceGrpc.newStub(channel);
        if (token != null) {
            stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(header(BearerTokens.header(token))));
        }
        StreamObserver<PredictStreamRequest> upstream = stub.predictStream(new StreamObserver<>() {
            @Override
            public void onNext(PredictStreamResponse value) {
            }

            @Override
            public void onError(Throwable t) {
                done.complete(Status.fromThrowable(t));
            }

            @Override
            public void onCompleted() {
                done.complete(Status.OK);
            }
        });
        upstream.onNext(PredictStreamRequest.newBuilder()
                .setPredict(Requests.predict(model, SyntheticTexts.topics(1, 4))).build());
        upstream.onCompleted();
        try {
            return done.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return Status.fromThrowable(e.getCause());
        }
    }

    private InferenceServiceBlockingStub as(String token) {
        return withHeader(BearerTokens.header(token));
    }

    private InferenceServiceBlockingStub withHeader(String value) {
        return inference.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(header(value)));
    }

    private static Metadata header(String value) {
        Metadata metadata = new Metadata();
        metadata.put(Metadata.Key.of(BearerTokens.HEADER, Metadata.ASCII_STRING_MARSHALLER), value);
        return metadata;
    }
}
