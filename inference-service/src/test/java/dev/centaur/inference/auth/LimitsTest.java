package dev.centaur.inference.auth;

import static dev.centaur.inference.testdata.Requests.assertStatus;

import dev.centaur.guard.BearerTokens;
import dev.centaur.inference.v1.InferenceServiceGrpc.InferenceServiceBlockingStub;
import dev.centaur.inference.v1.ListModelsRequest;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** guard's LimitsInterceptor on inference's gRPC edge, with 2 calls at once per caller (LimitsProfile). */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class LimitsTest {

    @GrpcClient("inference")
    InferenceServiceBlockingStub inference;

    @Test
    void aCallersThirdQuickCallIsRefusedNamingTheKeyWhileTheServiceTokenIsExempt() {
        InferenceServiceBlockingStub service = as(AuthProfile.SERVICE_TOKEN);
        for (int i = 0; i < 5; i++) {
            service.listModels(ListModelsRequest.getDefaultInstance());
        }
        InferenceServiceBlockingStub admin = as(AuthProfile.ADMIN_TOKEN);
        admin.listModels(ListModelsRequest.getDefaultInstance());
        admin.listModels(ListModelsRequest.getDefaultInstance());
        assertStatus(Status.Code.RESOURCE_EXHAUSTED, () -> admin.listModels(ListModelsRequest.getDefaultInstance()),
                "centaur.limits.requests-per-second");
        service.listModels(ListModelsRequest.getDefaultInstance());
    }

    private InferenceServiceBlockingStub as(String token) {
        Metadata metadata = new Metadata();
        metadata.put(Metadata.Key.of(BearerTokens.HEADER, Metadata.ASCII_STRING_MARSHALLER), BearerTokens.header(token));
        return inference.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
    }
}
