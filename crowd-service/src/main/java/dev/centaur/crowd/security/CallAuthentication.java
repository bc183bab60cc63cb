package dev.centaur.crowd.security;

import io.grpc.Metadata;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What one gRPC call's authentication found, kept beside the call so that a refusal can say which
 * role the caller had ({@link AuthStatusInterceptor}). Quarkus' role check throws a bare
 * ForbiddenException, which names neither the method nor the role.
 */
final class CallAuthentication {

    /**
     * By the call's headers object (compared by identity, held weakly): the one thing that both
     * {@link AuthStatusInterceptor} and the mechanism see of a call. They may run in either order and
     * on different threads (for @Blocking methods Quarkus runs the security interceptor on the worker).
     */
    private static final Map<Metadata, CallAuthentication> BY_HEADERS = Collections.synchronizedMap(new WeakHashMap<>());

    private volatile SecurityIdentity identity;

    private CallAuthentication() {
    }

    /** The instance of the call whose headers these are. */
    static CallAuthentication of(Metadata headers) {
        return BY_HEADERS.computeIfAbsent(headers, h -> new CallAuthentication());
    }

    void resolved(SecurityIdentity identity) {
        this.identity = identity;
    }

    SecurityIdentity identity() {
        return identity;
    }
}
