package dev.centaur.crowd.security;

import dev.centaur.guard.BearerTokens;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One call's {@code authorization} header (absent or malformed included: the identity provider
 * says what is wrong). The identity resolved from it is kept, so a second look at the caller in the
 * same call (the role check, then the method reading the annotator) costs no second lookup.
 */
public final class BearerAuthenticationRequest extends BaseAuthenticationRequest {

    private final String header;
    private final CallAuthentication call;
    private Uni<SecurityIdentity> resolved;

    public BearerAuthenticationRequest(String header, CallAuthentication call) {
        this.header = header;
        this.call = call;
    }

    /** The header as sent; null when absent. */
    public String header() {
        return header;
    }

    /** The token of a well-formed header. */
    public Optional<String> token() {
        return BearerTokens.fromHeader(header);
    }

    /** Why there is no token: the header is missing or not a bearer header. */
    String whyNoToken() {
        return header == null ? Callers.MISSING_HEADER : Callers.MALFORMED_HEADER;
    }

    /** The gRPC call this request belongs to (null on the web API). */
    CallAuthentication call() {
        return call;
    }

    synchronized Uni<SecurityIdentity> resolveOnce(Supplier<Uni<SecurityIdentity>> resolution) {
        if (resolved == null) {
            resolved = resolution.get().memoize().indefinitely();
        }
        return resolved;
    }
}
