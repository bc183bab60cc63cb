package dev.centaur.crowd.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.centaur.crowd.v1.CrowdServiceGrpc;
import dev.centaur.crowd.v1.ListAnnotatorsRequest;
import dev.centaur.crowd.v1.NextTaskRequest;
import dev.centaur.crowd.v1.RegisterAnnotatorRequest;
import dev.centaur.guard.Roles;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The role matrix of DESIGN.md / the issue-9 brief, called for real: every CrowdService method with
 * a token of every role. Allowed callers get past the check (an empty request then fails validation
 * or lists); the others get PERMISSION_DENIED naming the method and their role.
 */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
class RoleMatrixTest extends AuthTestSupport {

    /** Method -> roles that may call it. A new RPC fails the test until it is added here. */
    private static final Map<String, Set<String>> MATRIX = Map.of(
            "UpsertProject", Set.of(Roles.SERVICE),
            "Enqueue", Set.of(Roles.SERVICE),
            "RecordExpertVerdict", Set.of(Roles.SERVICE),
            "GetItemResult", Set.of(Roles.SERVICE, Roles.ADMIN),
            "RegisterAnnotator", Set.of(Roles.ADMIN),
            "ListAnnotators", Set.of(Roles.ADMIN),
            "UploadControlItems", Set.of(Roles.ADMIN),
            "RevokeAnnotator", Set.of(Roles.ADMIN),
            "NextTask", Set.of(Roles.ANNOTATOR),
            "SubmitAnswer", Set.of(Roles.ANNOTATOR));

    @Test
    void everyMethodAdmitsExactlyTheRolesOfTheMatrix() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(Roles.SERVICE, AuthOnProfile.SERVICE_TOKEN);
        tokens.put(Roles.ADMIN, AuthOnProfile.ADMIN_TOKEN);
        tokens.put(Roles.ANNOTATOR, adminRegisters("matrix").token());
        tokens.put(Roles.CLIENT, routerToken(Roles.CLIENT));
        tokens.put(Roles.EXPERT, routerToken(Roles.EXPERT));
        String routerAdmin = routerToken(Roles.ADMIN);

        for (MethodDescriptor<?, ?> method : CrowdServiceGrpc.getServiceDescriptor().getMethods()) {
            String name = method.getBareMethodName();
            Set<String> allowed = MATRIX.get(name);
            if (allowed == null) {
                fail("CrowdService." + name + " is not in the role matrix of this test (and DESIGN.md)");
            }
            for (Map.Entry<String, String> caller : tokens.entrySet()) {
                Status status = call(method, caller.getValue());
                if (allowed.contains(caller.getKey())) {
                    assertTrue(status.getCode() == Status.Code.OK || status.getCode() == Status.Code.INVALID_ARGUMENT,
                            () -> caller.getKey() + " calling " + name + ": " + status);
                } else {
                    assertEquals(Status.Code.PERMISSION_DENIED, status.getCode(), () -> caller.getKey() + " calling "
                            + name + ": " + status);
                    assertTrue(status.getDescription().contains(method.getFullMethodName())
                            && status.getDescription().contains(caller.getKey()), status::getDescription);
                }
            }
            // A router-issued admin token is an admin like the bootstrap one.
            Status routerAdminStatus = call(method, routerAdmin);
            assertEquals(allowed.contains(Roles.ADMIN), routerAdminStatus.getCode() != Status.Code.PERMISSION_DENIED,
                    () -> "router-issued admin calling " + name + ": " + routerAdminStatus);
        }
    }

    @Test
    void callsWithoutATokenAreUnauthenticated() {
        for (MethodDescriptor<?, ?> method : CrowdServiceGrpc.getServiceDescriptor().getMethods()) {
            Status status = call(method, null);
            assertEquals(Status.Code.UNAUTHENTICATED, status.getCode(), method.getFullMethodName());
            assertEquals("missing the 'authorization: Bearer <token>' header", status.getDescription());
        }
    }

    @Test
    void malformedAndUnknownTokensAreUnauthenticated() {
        ListAnnotatorsRequest list = ListAnnotatorsRequest.getDefaultInstance();

        assertRefused(Status.Code.UNAUTHENTICATED, () -> withAuthorization(crowd, "Basic dXNlcjpwYXNz")
                .listAnnotators(list), "Bearer <token>");
        assertRefused(Status.Code.UNAUTHENTICATED, () -> withAuthorization(crowd, "Bearer ").listAnnotators(list),
                "Bearer <token>");
        assertRefused(Status.Code.UNAUTHENTICATED, () -> as("no-such-token-" + System.nanoTime())
                .listAnnotators(list), "unknown or revoked");
    }

    @Test
    void refusalNamesTheMethodTheCallersRoleAndTheRolesItNeeds() {
        String name = "never-" + System.nanoTime();
        StatusRuntimeException refused = assertRefused(Status.Code.PERMISSION_DENIED, () -> asService()
                .registerAnnotator(RegisterAnnotatorRequest.newBuilder().setName(name).build()),
                "centaur.crowd.v1.CrowdService/RegisterAnnotator", "role [service]", "[admin]");
        assertNotEquals(null, refused.getStatus().getDescription());
        assertEquals(0, db.number("SELECT count(*) FROM crowd.annotator WHERE name = ?", name), "nothing written");

        assertRefused(Status.Code.PERMISSION_DENIED, () -> asAdmin().nextTask(NextTaskRequest.newBuilder()
                .setProjectId("any").build()), "CrowdService/NextTask", "role [admin]", "bootstrap-admin",
                "[annotator]");
    }

    /** Calls the method with its empty request and the token (none when null); the call's status. */
    @SuppressWarnings("unchecked")
    private Status call(MethodDescriptor<?, ?> method, String token) {
        MethodDescriptor<Object, Object> typed = (MethodDescriptor<Object, Object>) method;
        Object request = ((MethodDescriptor.PrototypeMarshaller<Object>) typed.getRequestMarshaller())
                .getMessagePrototype();
        Channel channel = crowd.getChannel();
        if (token != null) {
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
            channel = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
        }
        try {
            ClientCalls.blockingUnaryCall(channel, typed, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
                    request);
            return Status.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        }
    }
}
