package dev.centaur.inference.auth;

import dev.centaur.guard.BearerTokens;
import io.grpc.Metadata;
import io.quarkus.grpc.auth.GrpcSecurityMechanism;
import io.quarkus.security.identity.request.AuthenticationRequest;
import jakarta.inject.Singleton;

/**
 * Reads {@code authorization: Bearer <token>} from every gRPC call, with or without one: {@link
 * BearerIdentityProvider} decides (a missing token is UNAUTHENTICATED when auth is on, the local
 * caller when it is off), so no call falls through to HTTP authentication (gRPC shares the HTTP server).
 */
@Singleton
public class BearerGrpcMechanism implements GrpcSecurityMechanism {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of(BearerTokens.HEADER, Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public boolean handles(Metadata metadata) {
        return true;
    }

    @Override
    public AuthenticationRequest createAuthenticationRequest(Metadata metadata) {
        return new BearerTokenRequest(BearerTokens.fromHeader(metadata.get(AUTHORIZATION)));
    }
}
