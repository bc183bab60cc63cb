package dev.centaur.router.auth;

import static dev.centaur.router.TestSupport.assertFails;
import static dev.centaur.router.TestSupport.count;
import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.newProjectId;
import static dev.centaur.router.TestSupport.project;
import static dev.centaur.router.TestSupport.text;
import static dev.centaur.router.auth.Bearer.as;
import static dev.centaur.router.auth.Bearer.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.guard.BearerTokens;
import dev.centaur.router.RouterCalls;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.fakes.PeerHeaders;
import dev.centaur.router.v1.AccessServiceGrpc.AccessServiceBlockingStub;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.CreateTokenRequest;
import dev.centaur.router.v1.GetProjectRequest;
import dev.centaur.router.v1.ListProjectsRequest;
import dev.centaur.router.v1.ProjectServiceGrpc.ProjectServiceBlockingStub;
import dev.centaur.router.v1.ReportCrowdResultRequest;
import dev.centaur.router.v1.RevokeTokenRequest;
import dev.centaur.router.v1.RouterServiceGrpc.RouterServiceBlockingStub;
import dev.centaur.router.v1.SubmitItemsRequest;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Router's own check with auth on: who may call which RPC, and what router sends its peers. */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
@WithTestResource(FakePeers.class)
class RouterAuthTest {

    @GrpcClient("router")
    ProjectServiceBlockingStub projects;

    @GrpcClient("router")
    RouterServiceBlockingStub router;

    @GrpcClient("router")
    AccessServiceBlockingStub access;

    @Inject
    RouterCalls calls;

    private String issue(String role) {
        return as(access, AuthOnProfile.ADMIN_TOKEN).createToken(CreateTokenRequest.newBuilder()
                .setRole(role).setSubject(role + "-" + UUID.randomUUID().toString().substring(0, 8)).build())
                .getToken();
    }

    private String createProject(double threshold) {
        String projectId = newProjectId();
        as(projects, AuthOnProfile.ADMIN_TOKEN).createProject(CreateProjectRequest.newBuilder()
                .setProject(project(projectId, threshold, "yes", "no")).build());
        return projectId;
    }

    private long projectRows(String projectId) {
        return count(calls.dataSource, "SELECT count(*) FROM router.project WHERE project_id = ?", projectId);
    }

    private static ReportCrowdResultRequest result(String projectId, String itemId) {
        return ReportCrowdResultRequest.newBuilder()
                .setProjectId(projectId).setItemId(itemId).setLabel("yes").setConfidence(0.9)
                .setAnswersUsed(3).setMethod("DS").setSource(LabelSource.LABEL_SOURCE_CROWD).build();
    }

    @Test
    void callWithoutTokenIsUnauthenticatedNamingTheHeader() {
        assertFails(Status.Code.UNAUTHENTICATED, () -> projects.listProjects(ListProjectsRequest.getDefaultInstance()),
                "missing the 'authorization: Bearer <token>' header");
        assertFails(Status.Code.UNAUTHENTICATED, () -> router.submitItems(SubmitItemsRequest.newBuilder()
                .setProjectId("p").addItems(text("i", "t")).build()), "authorization");
    }

    @Test
    void malformedHeaderAndUnknownTokenAreUnauthenticated() {
        assertFails(Status.Code.UNAUTHENTICATED, () -> withHeader(projects, "Basic dXNlcjpwYXNz")
                .listProjects(ListProjectsRequest.getDefaultInstance()), "'Bearer <token>'");
        assertFails(Status.Code.UNAUTHENTICATED, () -> as(projects, BearerTokens.newToken("ctk_"))
                .listProjects(ListProjectsRequest.getDefaultInstance()), "unknown or revoked");
    }

    @Test
    void clientTokenCannotCreateAProjectAndNothingIsWritten() {
        String projectId = newProjectId();

        assertFails(Status.Code.PERMISSION_DENIED, () -> as(projects, issue("client")).createProject(
                CreateProjectRequest.newBuilder().setProject(project(projectId, 0.9, "yes", "no")).build()),
                "centaur.router.v1.ProjectService/CreateProject", "role 'client'", "[admin]");

        assertEquals(0, projectRows(projectId));
    }

    @Test
    void clientTokenSubmitsItemsAndReadsItsProject() {
        String projectId = createProject(0.9);
        String client = issue("client");

        assertEquals(2, as(router, client).submitItems(SubmitItemsRequest.newBuilder().setProjectId(projectId)
                .addItems(text("c-1", "one")).addItems(text("c-2", "two")).build()).getCreated());
        assertEquals(projectId, as(projects, client).getProject(GetProjectRequest.newBuilder()
                .setProjectId(projectId).build()).getProject().getProjectId());
        assertEquals(2, count(calls.dataSource, "SELECT count(*) FROM router.item WHERE project_id = ?", projectId));
    }

    @Test
    void revokedTokenIsUnauthenticatedAtOnce() {
        String projectId = createProject(0.9);
        String client = issue("client");
        GetProjectRequest read = GetProjectRequest.newBuilder().setProjectId(projectId).build();
        as(projects, client).getProject(read);
        String tokenId = as(access, AuthOnProfile.SERVICE_TOKEN).authenticate(
                dev.centaur.router.v1.AuthenticateRequest.newBuilder().setToken(client).build()).getTokenId();

        as(access, AuthOnProfile.ADMIN_TOKEN).revokeToken(RevokeTokenRequest.newBuilder().setTokenId(tokenId).build());

        assertFails(Status.Code.UNAUTHENTICATED, () -> as(projects, client).getProject(read), "unknown or revoked");
    }

    @Test
    void onlyTheServiceTokenReportsCrowdResults() {
        String projectId = createProject(0.9);
        as(router, AuthOnProfile.ADMIN_TOKEN).submitItems(SubmitItemsRequest.newBuilder().setProjectId(projectId)
                .addItems(text("x-1", "no model for this project: it goes to the crowd")).build());
        eventually(() -> assertEquals("WITH_CROWD", calls.status(projectId, "x-1")));

        for (String role : List.of("expert", "client", "admin")) {
            assertFails(Status.Code.PERMISSION_DENIED, () -> as(router, issue(role))
                    .reportCrowdResult(result(projectId, "x-1")), "RouterService/ReportCrowdResult", "'" + role + "'");
        }
        assertFails(Status.Code.PERMISSION_DENIED, () -> as(router, AuthOnProfile.ADMIN_TOKEN)
                .reportCrowdResult(result(projectId, "x-1")), "'admin' (subject 'bootstrap-admin')");
        assertEquals(0, calls.finalLabels(projectId));

        assertTrue(as(router, AuthOnProfile.SERVICE_TOKEN).reportCrowdResult(result(projectId, "x-1")).getRecorded());
        assertEquals(1, calls.finalLabels(projectId));
    }

    @Test
    void routerSendsTheServiceTokenToItsPeers() {
        // Earlier test classes ran their own application (auth off) against the same fakes.
        int earlier = FakePeers.HEADERS.received().size();
        String projectId = createProject(0.9);
        as(router, AuthOnProfile.ADMIN_TOKEN).submitItems(SubmitItemsRequest.newBuilder().setProjectId(projectId)
                .addItems(text("p-1", "to the crowd")).build());
        eventually(() -> assertEquals("WITH_CROWD", calls.status(projectId, "p-1")));

        List<PeerHeaders.Received> all = FakePeers.HEADERS.received();
        List<PeerHeaders.Received> received = all.subList(earlier, all.size());
        Optional<String> expected = Optional.of(BearerTokens.header(AuthOnProfile.SERVICE_TOKEN));
        for (String method : List.of("centaur.crowd.v1.CrowdService/UpsertProject",
                "centaur.crowd.v1.CrowdService/Enqueue", "centaur.inference.v1.InferenceService/Predict")) {
            List<PeerHeaders.Received> calls = received.stream().filter(call -> call.method().equals(method)).toList();
            assertFalse(calls.isEmpty(), "router called " + method);
            assertTrue(calls.stream().allMatch(call -> call.authorization().equals(expected)),
                    method + " carried " + calls);
        }
    }

    @Test
    void healthAndMetricsStayOpen() {
        RestAssured.get("/q/health/live").then().statusCode(200);
        RestAssured.get("/q/health/ready").then().statusCode(200);
        RestAssured.get("/q/metrics").then().statusCode(200);
    }
}
