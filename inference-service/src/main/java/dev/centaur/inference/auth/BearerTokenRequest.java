package dev.centaur.inference.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import java.util.Optional;

/** The bearer token of one gRPC call or page request; empty when the caller sent none. */
public final class BearerTokenRequest extends BaseAuthenticationRequest {

    private final Optional<String> token;

    public BearerTokenRequest(Optional<String> token) {
        this.token = token;
    }

    public Optional<String> token() {
        return token;
    }
}
