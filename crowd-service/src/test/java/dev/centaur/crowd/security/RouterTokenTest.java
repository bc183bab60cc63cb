package dev.centaur.crowd.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.crowd.support.RecordingRouterResource;
import dev.centaur.crowd.v1.GetItemResultRequest;
import dev.centaur.crowd.v1.ListAnnotatorsRequest;
import dev.centaur.guard.Roles;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens crowd does not know are asked of router's AccessService (here the in-test one, on router's
 * contract) with the service token, and router's answer is cached for centaur.auth.cache-ttl (3 s in
 * this profile), a NOT_FOUND for centaur.auth.negative-cache-ttl (1 s). Crowd's own calls to router
 * carry the service token too.
 */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
class RouterTokenTest extends AuthTestSupport {

    private static final ListAnnotatorsRequest LIST = ListAnnotatorsRequest.getDefaultInstance();
    private static final Duration CACHE_TTL = Duration.parse("PT" + AuthOnProfile.CACHE_TTL);
    private static final Duration NEGATIVE_CACHE_TTL = Duration.parse("PT" + AuthOnProfile.NEGATIVE_CACHE_TTL);

    @AfterEach
    void routerBackUp() {
        RecordingRouterResource.ACCESS.failWith(null);
    }

    @Test
    void routerIssuedTokenKeepsWorkingWithinTheCacheTimeAfterRouterRevokedIt() throws InterruptedException {
        String token = routerToken(Roles.ADMIN);

        as(token).listAnnotators(LIST);
        RecordingRouterResource.ACCESS.revoke(token);
        as(token).listAnnotators(LIST);
        assertEquals(1, RecordingRouterResource.ACCESS.callsFor(token), "the second call used the cached answer");

        Thread.sleep(CACHE_TTL.plusMillis(200).toMillis());
        assertRefused(Status.Code.UNAUTHENTICATED, () -> as(token).listAnnotators(LIST), "unknown or revoked");
        assertEquals(2, RecordingRouterResource.ACCESS.callsFor(token), "router asked again once the answer expired");
    }

    @Test
    void unknownTokenIsRefusedAndRouterIsNotAskedAgainWithinTheNegativeCacheTime() throws InterruptedException {
        String token = "never-issued-" + System.nanoTime();

        assertRefused(Status.Code.UNAUTHENTICATED, () -> as(token).listAnnotators(LIST), "unknown or revoked");
        assertRefused(Status.Code.UNAUTHENTICATED, () -> as(token).listAnnotators(LIST), "unknown or revoked");
        assertEquals(1, RecordingRouterResource.ACCESS.callsFor(token));

        RecordingRouterResource.ACCESS.issue(token, Roles.ADMIN, "late");
        Thread.sleep(NEGATIVE_CACHE_TTL.plusMillis(200).toMillis());
        as(token).listAnnotators(LIST);
        assertEquals(2, RecordingRouterResource.ACCESS.callsFor(token));
    }

    @Test
    void routerDownIsUnavailableForAnUncachedTokenButACachedOneStillWorks() {
        String cached = routerToken(Roles.ADMIN);
        as(cached).listAnnotators(LIST);
        String fresh = routerToken(Roles.ADMIN);

        RecordingRouterResource.ACCESS.failWith(Status.UNAVAILABLE.withDescription("router is down for the test"));

        assertRefused(Status.Code.UNAVAILABLE, () -> as(fresh).listAnnotators(LIST), "router-service",
                "Authenticate", "retry");
        as(cached).listAnnotators(LIST);
        RecordingRouterResource.ACCESS.failWith(null);
        as(fresh).listAnnotators(LIST);
    }

    @Test
    void routerIsAskedWithTheServiceToken() {
        String token = routerToken(Roles.ADMIN);
        int mark = RecordingRouterResource.HEADERS.mark();
        assertRefused(Status.Code.NOT_FOUND, () -> as(token).getItemResult(GetItemResultRequest.newBuilder()
                .setProjectId("no-such-project").setItemId("i").build()));
        List<String> sent = RecordingRouterResource.HEADERS.authorizationsOf("Authenticate", mark);

        assertFalse(sent.isEmpty());
        assertTrue(sent.stream().allMatch(("Bearer " + AuthOnProfile.SERVICE_TOKEN)::equals), sent::toString);
    }

    @Test
    void routerTokenOfARoleWithoutAccessIsPermissionDeniedNotUnauthenticated() {
        assertRefused(Status.Code.PERMISSION_DENIED, () -> as(routerToken(Roles.CLIENT)).listAnnotators(LIST),
                "ListAnnotators", "role [client]");
    }

    @Test
    void completedItemsAreReportedToRouterWithTheServiceToken() {
        String projectId = newProjectId();
        int mark = RecordingRouterResource.HEADERS.mark();
        serviceCreatesProject(projectId, 1, new String[] {"a", "b"}, "item-1");
        TestAnnotator ann = adminRegisters("ann");
        ann.answer(ann.nextTask(projectId).getAssignmentId(), "a");

        awaitTrue("the report to router", Duration.ofSeconds(20),
                () -> RecordingRouterResource.ROUTER.reportsFor(projectId).size() == 1);
        List<String> sent = RecordingRouterResource.HEADERS.authorizationsOf("ReportCrowdResult", mark);
        assertFalse(sent.isEmpty());
        assertTrue(sent.stream().allMatch(("Bearer " + AuthOnProfile.SERVICE_TOKEN)::equals), sent::toString);
    }
}
