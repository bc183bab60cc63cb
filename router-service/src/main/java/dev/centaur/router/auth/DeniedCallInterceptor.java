package dev.centaur.router.auth;

import dev.centaur.guard.BearerTokens;
import io.grpc.BindableService;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Prioritized;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names the method and the caller's role in a PERMISSION_DENIED from {@code @RolesAllowed}: the
 * role check fails far from the call, so {@link AuthStatuses} leaves a marker and this wrapper of
 * the call, which knows the method and the header, writes the description on the way out. It sits
 * outside Quarkus' security interceptor so it sees that interceptor's answers too.
 */
@GlobalInterceptor
@ApplicationScoped
public class DeniedCallInterceptor implements ServerInterceptor, Prioritized {

    /** Above Quarkus' GrpcSecurityInterceptor (Integer.MAX_VALUE - 100): called before it. */
    private static final int PRIORITY = Integer.MAX_VALUE - 50;
    private static final String ROUTER_PACKAGE = "dev.centaur.router";

    @Inject
    Callers callers;

    @Inject
    @Any
    Instance<BindableService> services;

    private volatile Map<String, Set<String>> allowedRoles;

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                if (status.getCode() == Status.Code.PERMISSION_DENIED
                        && AuthStatuses.ROLE_MAY_NOT_CALL.equals(status.getDescription())) {
                    status = status.withDescription(describe(call.getMethodDescriptor().getFullMethodName(), headers));
                }
                super.close(status, trailers);
            }
        }, headers);
    }

    private String describe(String method, Metadata headers) {
        Optional<Caller> caller = BearerTokens.fromHeader(headers.get(BearerTokenMechanism.AUTHORIZATION))
                .flatMap(callers::described);
        Set<String> allowed = allowedRoles().get(method);
        return method + " may not be called with role "
                + caller.map(c -> "'" + c.role() + "' (subject '" + c.subject() + "')").orElse("of this token")
                + (allowed == null ? "" : "; it is for roles " + allowed);
    }

    private Map<String, Set<String>> allowedRoles() {
        Map<String, Set<String>> roles = allowedRoles;
        if (roles == null) {
            roles = new HashMap<>();
            for (BindableService service : services) {
                Class<?> type = GuardedMethods.implementationClass(service.getClass());
                if (!type.getPackageName().startsWith(ROUTER_PACKAGE)) {
                    continue; // Quarkus' own services (health, reflection) are open
                }
                for (Map.Entry<String, GuardedMethods.Guard> rpc : GuardedMethods.of(service.getClass()).entrySet()) {
                    Map<String, Set<String>> target = roles;
                    GuardedMethods.allowedRoles(rpc.getValue()).ifPresent(set -> target.put(rpc.getKey(), set));
                }
            }
            allowedRoles = roles;
        }
        return roles;
    }
}
