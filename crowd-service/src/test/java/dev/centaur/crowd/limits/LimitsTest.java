package dev.centaur.crowd.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.crowd.security.AuthOnProfile;
import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.v1.CrowdServiceGrpc;
import dev.centaur.crowd.v1.GetItemResultRequest;
import dev.centaur.crowd.v1.ListAnnotatorsRequest;
import dev.centaur.guard.grpc.LimitsInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Guard's limits on crowd's gRPC edge, with a tiny rate: a caller's third quick call is refused, the service token never. */
@QuarkusTest
@TestProfile(LimitsTest.TinyRate.class)
class LimitsTest extends CrowdTestSupport {

    /** Auth on (the service token is known and exempt), two calls at once and one every 10 s per caller. */
    public static class TinyRate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(new AuthOnProfile().getConfigOverrides());
            config.put("centaur.limits.requests-per-second", "0.1");
            config.put("centaur.limits.burst", "2");
            return config;
        }
    }

    @Test
    void aCallersThirdQuickCallIsResourceExhaustedNamingTheConfigKey() {
        CrowdServiceGrpc.CrowdServiceBlockingStub admin = withAuthorization(crowd, "Bearer " + AuthOnProfile.ADMIN_TOKEN);
        ListAnnotatorsRequest list = ListAnnotatorsRequest.getDefaultInstance();
        admin.listAnnotators(list);
        admin.listAnnotators(list);

        StatusRuntimeException refused = assertRefused(Status.Code.RESOURCE_EXHAUSTED, () -> admin.listAnnotators(list),
                "centaur.limits.requests-per-second");
        String retryAfter = refused.getTrailers().get(LimitsInterceptor.RETRY_AFTER_MS);
        assertNotNull(retryAfter);
        assertTrue(Long.parseLong(retryAfter) > 0, retryAfter);
    }

    @Test
    void theServiceTokenIsExemptFromTheRate() {
        CrowdServiceGrpc.CrowdServiceBlockingStub service = withAuthorization(crowd,
                "Bearer " + AuthOnProfile.SERVICE_TOKEN);
        for (int i = 0; i < 10; i++) {
            try {
                service.getItemResult(GetItemResultRequest.newBuilder().setProjectId("no-such-project")
                        .setItemId("i").build());
            } catch (StatusRuntimeException e) {
                assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode(), "call " + (i + 1) + ": " + e.getStatus());
            }
        }
    }
}
