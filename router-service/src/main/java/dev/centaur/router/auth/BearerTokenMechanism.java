package dev.centaur.router.auth;

import dev.centaur.guard.BearerTokens;
import io.grpc.Metadata;
import io.quarkus.grpc.auth.GrpcSecurityMechanism;
import io.quarkus.security.identity.request.AuthenticationRequest;
import jakarta.inject.Singleton;

/**
 * Reads the {@code authorization: Bearer <token>} header of every gRPC call. It handles every call,
 * with or without the header, so a call without one reaches {@link CallerIdentityProvider} (and
 * fails as UNAUTHENTICATED naming the header) instead of falling through to anonymous HTTP auth.
 */
@Singleton
public class BearerTokenMechanism implements GrpcSecurityMechanism {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of(BearerTokens.HEADER, Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public boolean handles(Metadata metadata) {
        return true;
    }

    @Override
    public AuthenticationRequest createAuthenticationRequest(Metadata metadata) {
        String header = metadata.get(AUTHORIZATION);
        return new BearerTokenRequest(BearerTokens.fromHeader(header), header != null);
    }
}
