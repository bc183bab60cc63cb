package dev.centaur.crowd.security;

import dev.centaur.guard.BearerTokens;
import io.grpc.Metadata;
import io.quarkus.grpc.auth.GrpcSecurityMechanism;
import io.quarkus.security.identity.request.AuthenticationRequest;
import jakarta.inject.Singleton;

/**
 * Reads the {@code authorization} header of every gRPC call into a {@link BearerAuthenticationRequest},
 * absent or malformed too: the identity provider refuses those with a message that says what is
 * wrong, and with auth off makes them the local caller. Taking every call here also keeps gRPC
 * calls away from the web page's HTTP mechanism.
 */
@Singleton
public class BearerGrpcSecurityMechanism implements GrpcSecurityMechanism {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of(BearerTokens.HEADER,
            Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public boolean handles(Metadata metadata) {
        return true;
    }

    @Override
    public AuthenticationRequest createAuthenticationRequest(Metadata metadata) {
        return new BearerAuthenticationRequest(metadata.get(AUTHORIZATION), CallAuthentication.of(metadata));
    }
}
