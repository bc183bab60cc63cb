package dev.centaur.router.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import java.util.Optional;

/**
 * The bearer token of one gRPC call, for {@link CallerIdentityProvider}. Empty when the call has no
 * {@code authorization} header or one that is not {@code Bearer <token>}; {@code headerPresent}
 * tells the two apart in the error.
 */
public final class BearerTokenRequest extends BaseAuthenticationRequest {

    private final Optional<String> token;
    private final boolean headerPresent;

    public BearerTokenRequest(Optional<String> token, boolean headerPresent) {
        this.token = token;
        this.headerPresent = headerPresent;
    }

    public Optional<String> token() {
        return token;
    }

    public boolean headerPresent() {
        return headerPresent;
    }
}
