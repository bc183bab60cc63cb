package dev.centaur.router.auth;

import dev.centaur.guard.Roles;
import dev.centaur.router.config.AuthConfig;
import dev.centaur.router.grpc.StatusMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Resolves a call's bearer token to a {@link SecurityIdentity} with the token's one role, which
 * {@code @RolesAllowed} on the gRPC methods then checks. Lookups in router's token table run on a
 * worker thread ({@code runBlocking}). Auth off: everyone is "local" with every role.
 */
@ApplicationScoped
public class CallerIdentityProvider implements IdentityProvider<BearerTokenRequest> {

    /** The attribute that carries router's id of an issued token. */
    public static final String TOKEN_ID_ATTRIBUTE = "centaur.token-id";
    static final String MISSING_HEADER = "missing the 'authorization: Bearer <token>' header";
    static final String MALFORMED_HEADER = "the 'authorization' header is not 'Bearer <token>'";

    @Inject
    AuthConfig config;

    @Inject
    Callers callers;

    @Override
    public Class<BearerTokenRequest> getRequestType() {
        return BearerTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(BearerTokenRequest request, AuthenticationRequestContext context) {
        if (!config.enabled()) {
            return Uni.createFrom().item(local());
        }
        if (request.token().isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    request.headerPresent() ? MALFORMED_HEADER : MISSING_HEADER));
        }
        String token = request.token().get();
        return callers.configured(token)
                .map(caller -> Uni.createFrom().item(identity(caller)))
                .orElseGet(() -> context.runBlocking(() -> identity(issued(token))));
    }

    private Caller issued(String token) {
        try {
            return callers.issued(token).orElseThrow(() -> new AuthenticationFailedException(
                    "the bearer token is unknown or revoked"));
        } catch (AuthenticationFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            if (StatusMapper.databaseUnreachable(e)) {
                throw new CallerLookupUnavailableException(e);
            }
            throw e;
        }
    }

    private static SecurityIdentity identity(Caller caller) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.subject()))
                .addRole(caller.role());
        caller.tokenId().ifPresent(id -> identity.addAttribute(TOKEN_ID_ATTRIBUTE, id));
        return identity.build();
    }

    private static SecurityIdentity local() {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(Callers.LOCAL_SUBJECT))
                .addRoles(Set.copyOf(Roles.ALL))
                .build();
    }
}
