package dev.centaur.qc.grpc;

import static dev.centaur.qc.grpc.Callers.as;
import static dev.centaur.qc.grpc.Callers.issued;
import static dev.centaur.qc.grpc.Callers.withHeader;
import static dev.centaur.qc.grpc.QcFixtures.answer;
import static dev.centaur.qc.grpc.QcFixtures.assertFails;
import static dev.centaur.qc.grpc.QcFixtures.newProjectId;
import static dev.centaur.qc.grpc.QcFixtures.nextReview;
import static dev.centaur.qc.grpc.QcFixtures.offer;
import static dev.centaur.qc.grpc.QcFixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.guard.Roles;
import dev.centaur.qc.v1.GetAccuracyRequest;
import dev.centaur.qc.v1.GetDriftRequest;
import dev.centaur.qc.v1.ListCorrectionsRequest;
import dev.centaur.qc.v1.ListVerdictsRequest;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import dev.centaur.qc.v1.Review;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * qc's one check with auth on: no token or an unknown one is UNAUTHENTICATED, a role the method does
 * not allow is PERMISSION_DENIED naming the method and the role, an expert reviews only as
 * themselves, and router's answers are remembered (router down: known tokens still work, unknown
 * ones are UNAVAILABLE). Router is FakeRouter, router's AccessService contract on a free port.
 */
@QuarkusTest
@TestProfile(AuthProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthGrpcTest {

    private static final String MISSING = "missing the 'authorization: Bearer <token>' header";
    private static final String QC = "centaur.qc.v1.QcService/";

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @Inject
    QcRows rows;

    @Test
    @Order(1)
    void withoutATokenEveryCallIsUnauthenticated() {
        String project = offered();
        assertFails(Status.Code.UNAUTHENTICATED, MISSING, () -> qc.getAccuracy(accuracy(project)));
        assertFails(Status.Code.UNAUTHENTICATED, MISSING, () -> qc.offer(offer(newProjectId(), 1.0,
                List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL)))));
        assertFails(Status.Code.UNAUTHENTICATED, MISSING, () -> nextReview(qc, "", project));
        assertFails(Status.Code.UNAUTHENTICATED, MISSING,
                () -> withHeader(qc, "Basic dXNlcjpwYXNz").getAccuracy(accuracy(project)));
    }

    @Test
    @Order(2)
    void anUnknownTokenIsUnauthenticatedAndRouterIsAskedAgainOnlyAfterTheNegativeTtl() throws InterruptedException {
        String project = offered();
        String unknown = "ctk_never-issued-" + newProjectId();
        assertFails(Status.Code.UNAUTHENTICATED, "the bearer token is unknown or revoked",
                () -> as(qc, unknown).getAccuracy(accuracy(project)));
        assertFails(Status.Code.UNAUTHENTICATED, "unknown or revoked", () -> as(qc, unknown).getAccuracy(accuracy(project)));
        assertEquals(1, FakeRouter.authenticateCalls(unknown));

        Thread.sleep(AuthProfile.NEGATIVE_CACHE_TTL_MS + 100);
        FakeRouter.issue(unknown, Roles.CLIENT, "late-client");
        as(qc, unknown).getAccuracy(accuracy(project));
        assertEquals(2, FakeRouter.authenticateCalls(unknown));
        // qc asks router with the services' own token.
        assertEquals(List.of("Bearer " + AuthProfile.SERVICE_TOKEN),
                FakeRouter.authorizations("centaur.router.v1.AccessService/Authenticate").stream().distinct().toList());
    }

    @Test
    @Order(3)
    void eachRoleCallsItsOwnMethodsAndIsRefusedTheOthersWithNothingWritten() {
        String project = offered();
        QcServiceBlockingStub service = as(qc, AuthProfile.SERVICE_TOKEN);
        QcServiceBlockingStub admin = as(qc, AuthProfile.ADMIN_TOKEN);
        QcServiceBlockingStub client = as(qc, issued(Roles.CLIENT, "acme"));
        QcServiceBlockingStub expert = as(qc, issued(Roles.EXPERT, "erin"));

        service.getAccuracy(accuracy(project));
        service.listVerdicts(ListVerdictsRequest.newBuilder().setProjectId(project).build());
        admin.getAccuracy(accuracy(project));
        admin.listCorrections(ListCorrectionsRequest.newBuilder().setProjectId(project).build());
        admin.offer(offer(newProjectId(), 1.0, List.of(single("a1", "positive", LabelSource.LABEL_SOURCE_CROWD))));
        client.getAccuracy(accuracy(project));
        client.getDrift(GetDriftRequest.newBuilder().setProjectId(project).build());

        QcRows.Counts before = rows.counts();
        assertFails(Status.Code.PERMISSION_DENIED, "role 'client' may not call " + QC + "Offer",
                () -> client.offer(offer(newProjectId(), 1.0, List.of(single("c1", "positive", LabelSource.LABEL_SOURCE_MODEL)))));
        assertFails(Status.Code.PERMISSION_DENIED, "role 'client' may not call " + QC + "ListVerdicts",
                () -> client.listVerdicts(ListVerdictsRequest.newBuilder().setProjectId(project).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "role 'client' may not call " + QC + "NextReview",
                () -> nextReview(client, "", project));
        assertFails(Status.Code.PERMISSION_DENIED, "role 'service' may not call " + QC + "NextReview",
                () -> nextReview(service, "", project));
        assertFails(Status.Code.PERMISSION_DENIED, "role 'admin' may not call " + QC + "SubmitReview",
                () -> answer(admin, "", "00000000-0000-0000-0000-000000000000", "positive"));
        assertFails(Status.Code.PERMISSION_DENIED, "role 'expert' may not call " + QC + "GetAccuracy",
                () -> expert.getAccuracy(accuracy(project)));
        assertFails(Status.Code.PERMISSION_DENIED, "role 'expert' may not call " + QC + "Offer",
                () -> expert.offer(offer(project, 1.0, List.of(single("e1", "positive", LabelSource.LABEL_SOURCE_MODEL)))));
        assertEquals(before, rows.counts());

        Review review = nextReview(expert, "", project).orElseThrow();
        assertEquals(List.of("erin"), rows.strings("SELECT expert_id FROM qc.review WHERE review_id = ?::uuid",
                review.getReviewId()));
        assertTrue(answer(expert, "erin", review.getReviewId(), "positive").getFinalLabelCorrect());
    }

    @Test
    @Order(4)
    void anExpertReviewsOnlyAsThemselvesAndAnAttemptAsAnotherWritesNothing() {
        String project = offered();
        QcServiceBlockingStub alice = as(qc, issued(Roles.EXPERT, "alice"));
        QcServiceBlockingStub bob = as(qc, issued(Roles.EXPERT, "bob"));
        Review held = nextReview(alice, "alice", project).orElseThrow();

        QcRows.Counts before = rows.counts();
        assertFails(Status.Code.PERMISSION_DENIED,
                "expert_id 'alice' is not the caller: the token belongs to expert 'bob'",
                () -> nextReview(bob, "alice", project));
        assertFails(Status.Code.PERMISSION_DENIED,
                "expert_id 'alice' is not the caller: the token belongs to expert 'bob'",
                () -> answer(bob, "alice", held.getReviewId(), "negative"));
        assertEquals(before, rows.counts());
        assertEquals(List.of(""), rows.strings(
                "SELECT coalesce(expert_label, '') FROM qc.review WHERE review_id = ?::uuid", held.getReviewId()));

        assertEquals("positive", answer(alice, "", held.getReviewId(), "positive").getFinalLabel());
    }

    @Test
    @Order(5)
    void routerAnswersAreRememberedForTheTtlAndRouterDownWithNothingRememberedIsUnavailable() throws Exception {
        String project = offered();
        String token = issued(Roles.CLIENT, "remembered");
        as(qc, token).getAccuracy(accuracy(project));
        FakeRouter.revoke(token);
        FakeRouter.goDown();
        try {
            // Within the TTL the remembered answer stands, revoked or not, router or not.
            as(qc, token).getAccuracy(accuracy(project));
            assertEquals(1, FakeRouter.authenticateCalls(token));
            String fresh = issued(Roles.CLIENT, "fresh");
            assertFails(Status.Code.UNAVAILABLE, "cannot check the bearer token now: router-service's "
                    + "AccessService.Authenticate answered UNAVAILABLE", () -> as(qc, fresh).getAccuracy(accuracy(project)));
            // The configured tokens need no router.
            as(qc, AuthProfile.SERVICE_TOKEN).getAccuracy(accuracy(project));
            as(qc, AuthProfile.ADMIN_TOKEN).getAccuracy(accuracy(project));
        } finally {
            FakeRouter.comeBack();
        }
        Thread.sleep(AuthProfile.CACHE_TTL_MS + 100);
        // Past the TTL router is asked again, and the revocation holds.
        assertFails(Status.Code.UNAUTHENTICATED, "unknown or revoked", () -> awaitRouter(() -> as(qc, token)
                .getAccuracy(accuracy(project))));
        assertEquals(2, FakeRouter.authenticateCalls(token));
    }

    /** Retries while the channel reconnects to the router that came back. */
    private static void awaitRouter(Runnable call) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                call.run();
                return;
            } catch (io.grpc.StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || attempt >= 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private String offered() {
        String project = newProjectId();
        as(qc, AuthProfile.SERVICE_TOKEN).offer(offer(project, 1.0,
                List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        assertFalse(rows.strings("SELECT project_id FROM qc.project WHERE project_id = ?", project).isEmpty());
        return project;
    }

    private static GetAccuracyRequest accuracy(String project) {
        return GetAccuracyRequest.newBuilder().setProjectId(project).build();
    }
}
