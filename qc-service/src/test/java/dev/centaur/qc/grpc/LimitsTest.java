package dev.centaur.qc.grpc;

import static dev.centaur.qc.grpc.Callers.as;
import static dev.centaur.qc.grpc.QcFixtures.assertFails;
import static dev.centaur.qc.grpc.QcFixtures.newProjectId;
import static dev.centaur.qc.grpc.QcFixtures.offer;
import static dev.centaur.qc.grpc.QcFixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.guard.grpc.LimitsInterceptor;
import dev.centaur.qc.v1.GetAccuracyRequest;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** guard's LimitsInterceptor on qc's gRPC edge, with a rate of 2 calls at once per caller (LimitsProfile). */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class LimitsTest {

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @Test
    void aCallersThirdQuickCallIsRefusedNamingTheKeyWhileTheServiceTokenIsExempt() {
        QcServiceBlockingStub service = as(qc, AuthProfile.SERVICE_TOKEN);
        String project = newProjectId();
        service.offer(offer(project, 1.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        for (int i = 0; i < 5; i++) {
            service.getAccuracy(GetAccuracyRequest.newBuilder().setProjectId(project).build());
        }

        QcServiceBlockingStub admin = as(qc, AuthProfile.ADMIN_TOKEN);
        admin.getAccuracy(GetAccuracyRequest.newBuilder().setProjectId(project).build());
        admin.getAccuracy(GetAccuracyRequest.newBuilder().setProjectId(project).build());
        StatusRuntimeException refused = assertFails(Status.Code.RESOURCE_EXHAUSTED,
                "centaur.limits.requests-per-second",
                () -> admin.getAccuracy(GetAccuracyRequest.newBuilder().setProjectId(project).build()));
        assertEquals(true, Long.parseLong(refused.getTrailers().get(LimitsInterceptor.RETRY_AFTER_MS)) > 0);
        // Callers without a token are one caller per address, limited before their token is even checked.
        assertFails(Status.Code.UNAUTHENTICATED, "missing", () -> qc.getAccuracy(GetAccuracyRequest.getDefaultInstance()));
        assertFails(Status.Code.UNAUTHENTICATED, "missing", () -> qc.getAccuracy(GetAccuracyRequest.getDefaultInstance()));
        assertFails(Status.Code.RESOURCE_EXHAUSTED, "centaur.limits.requests-per-second",
                () -> qc.getAccuracy(GetAccuracyRequest.getDefaultInstance()));
        // The service token is still served.
        service.getAccuracy(GetAccuracyRequest.newBuilder().setProjectId(project).build());
    }
}
