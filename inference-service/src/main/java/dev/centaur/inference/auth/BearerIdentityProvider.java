package dev.centaur.inference.auth;

import dev.centaur.guard.Roles;
import dev.centaur.guard.auth.Caller;
import dev.centaur.guard.auth.TokenResolver;
import dev.centaur.inference.client.AccessClient;
import dev.centaur.inference.config.AuthConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The one check of inference: who holds a bearer token (the service token, the bootstrap admin, then
 * router's AccessService, remembered in guard's {@link TokenResolver}). Built at start, so a
 * missing service token stops inference with a message naming {@code centaur.auth.service-token}.
 */
@Startup
@Singleton
public class BearerIdentityProvider implements IdentityProvider<BearerTokenRequest> {

    static final String MISSING = "missing the 'authorization: Bearer <token>' header";
    static final String UNKNOWN = "the bearer token is unknown or revoked";
    private static final Logger LOG = Logger.getLogger(BearerIdentityProvider.class);
    /** Auth off: every caller is this one, with every role. */
    private static final SecurityIdentity LOCAL = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("local")).addRoles(java.util.Set.copyOf(Roles.ALL)).build();

    private final Optional<TokenResolver> resolver;

    BearerIdentityProvider(AuthConfig config, AccessClient router) {
        if (config.enabled()) {
            this.resolver = Optional.of(new TokenResolver(new TokenResolver.Settings(config.serviceToken(),
                    config.adminTokenSha256(), config.cacheTtl(), config.negativeCacheTtl(),
                    config.maxCachedTokens()), router));
        } else {
            this.resolver = Optional.empty();
            LOG.warn("centaur.auth.enabled=false: inference-service checks no tokens, every caller may do everything "
                    + "(principal 'local'); for debugging only");
        }
    }

    @Override
    public Class<BearerTokenRequest> getRequestType() {
        return BearerTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(BearerTokenRequest request, AuthenticationRequestContext context) {
        if (resolver.isEmpty()) {
            return Uni.createFrom().item(LOCAL);
        }
        if (request.token().isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(MISSING));
        }
        String token = request.token().get();
        Optional<Caller> known = resolver.get().known(token);
        if (known.isPresent()) {
            return Uni.createFrom().item(identity(known.get()));
        }
        // Only a token not remembered may wait for router: off the event loop (PredictStream starts on it).
        return context.runBlocking(() -> resolver.get().resolve(token).map(BearerIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException(UNKNOWN)));
    }

    /** The holder of a token if known without asking router, to name the role in a refusal. */
    Optional<Caller> known(String token) {
        return resolver.flatMap(r -> r.known(token));
    }

    private static SecurityIdentity identity(Caller caller) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(caller.subject()))
                .addRole(caller.role()).build();
    }
}
