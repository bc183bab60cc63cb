package dev.centaur.crowd.security;

import dev.centaur.crowd.grpc.CrowdGrpcService;
import dev.centaur.crowd.v1.CrowdServiceGrpc;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.Prioritized;
import jakarta.inject.Singleton;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Names the method and the caller's role in a PERMISSION_DENIED from the role check, e.g.
 * "centaur.crowd.v1.CrowdService/RegisterAnnotator is not open to role [annotator] (caller 3f2c...);
 * it needs one of [admin]". It and the mechanism share the call's {@link CallAuthentication}
 * through the call's headers.
 */
@GlobalInterceptor
@Singleton
public class AuthStatusInterceptor implements ServerInterceptor, Prioritized {

    /** Near Quarkus' GrpcSecurityInterceptor (Integer.MAX_VALUE - 100). */
    static final int PRIORITY = Integer.MAX_VALUE - 50;

    private final Map<String, List<String>> allowedRoles = allowedRoles();

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        CallAuthentication authentication = CallAuthentication.of(headers);
        String method = call.getMethodDescriptor().getFullMethodName();
        ServerCall<Q, R> describing = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                super.close(describe(status, method, authentication.identity()), trailers);
            }
        };
        return next.startCall(describing, headers);
    }

    private Status describe(Status status, String method, SecurityIdentity caller) {
        if (status.getCode() != Status.Code.PERMISSION_DENIED || !AuthStatuses.FORBIDDEN.equals(status.getDescription())) {
            return status;
        }
        String who = caller == null ? "of unknown role"
                : "role " + new TreeSet<>(caller.getRoles()) + " (caller " + caller.getPrincipal().getName() + ")";
        return Status.PERMISSION_DENIED.withDescription(method + " is not open to " + who + "; it needs one of "
                + allowedRoles.getOrDefault(method, List.of()));
    }

    /** The roles of each CrowdService method, read from the implementation's @RolesAllowed. */
    private static Map<String, List<String>> allowedRoles() {
        Map<String, List<String>> roles = new HashMap<>();
        for (var descriptor : CrowdServiceGrpc.getServiceDescriptor().getMethods()) {
            String bare = MethodDescriptor.extractBareMethodName(descriptor.getFullMethodName());
            String javaName = Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
            for (Method method : CrowdGrpcService.class.getDeclaredMethods()) {
                RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
                if (method.getName().equals(javaName) && allowed != null) {
                    roles.put(descriptor.getFullMethodName(), List.of(allowed.value()));
                }
            }
        }
        return Map.copyOf(roles);
    }
}
