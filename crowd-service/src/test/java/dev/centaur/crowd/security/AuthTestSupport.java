package dev.centaur.crowd.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.support.RecordingRouterResource;
import dev.centaur.crowd.v1.CrowdServiceGrpc;
import dev.centaur.crowd.v1.EnqueueRequest;
import dev.centaur.crowd.v1.RegisterAnnotatorRequest;
import dev.centaur.crowd.v1.RegisterAnnotatorResponse;
import dev.centaur.crowd.v1.UpsertProjectRequest;
import java.util.UUID;

/** Calls as each kind of caller, with auth on ({@link AuthOnProfile}). */
abstract class AuthTestSupport extends CrowdTestSupport {

    protected CrowdServiceGrpc.CrowdServiceBlockingStub as(String token) {
        return withAuthorization(crowd, "Bearer " + token);
    }

    protected CrowdServiceGrpc.CrowdServiceBlockingStub asService() {
        return as(AuthOnProfile.SERVICE_TOKEN);
    }

    protected CrowdServiceGrpc.CrowdServiceBlockingStub asAdmin() {
        return as(AuthOnProfile.ADMIN_TOKEN);
    }

    /** A token router issued for the role (its AccessService answers for it), unique to the test. */
    protected static String routerToken(String role) {
        String token = "rt-" + role + "-" + UUID.randomUUID();
        RecordingRouterResource.ACCESS.issue(token, role, role + "-" + token.substring(token.length() - 6));
        return token;
    }

    /** A project created by router (the service token) with text items. */
    protected void serviceCreatesProject(String projectId, int overlap, String[] labels, String... itemIds) {
        asService().upsertProject(UpsertProjectRequest.newBuilder().setProject(project(projectId, overlap, labels))
                .build());
        EnqueueRequest.Builder enqueue = EnqueueRequest.newBuilder().setProjectId(projectId);
        for (String itemId : itemIds) {
            enqueue.addItems(textItem(itemId));
        }
        assertEquals(itemIds.length, asService().enqueue(enqueue.build()).getEnqueued());
    }

    /** An annotator registered by the bootstrap admin, with a stub that sends their token. */
    protected TestAnnotator adminRegisters(String name) {
        RegisterAnnotatorResponse response = asAdmin().registerAnnotator(RegisterAnnotatorRequest.newBuilder()
                .setName(name).build());
        return new TestAnnotator(response.getAnnotator().getAnnotatorId(), response.getToken(),
                as(response.getToken()));
    }
}
