package dev.centaur.crowd.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The annotator page's JSON API ({@code /api/annotate/...}) sends the same bearer token as gRPC in
 * the HTTP {@code Authorization} header; the same identity provider resolves it. Every other path
 * (the page's static files, health, metrics, and the gRPC calls that share this HTTP server) stays
 * anonymous here: gRPC has its own mechanism, and the probes and Prometheus need no token.
 */
@ApplicationScoped
public class AnnotatePageAuthMechanism implements HttpAuthenticationMechanism {

    /** The JSON API behind the page. */
    public static final String API_PATH = "/api/annotate/";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!context.normalizedPath().startsWith(API_PATH)) {
            return Uni.createFrom().nullItem();
        }
        BearerAuthenticationRequest request = new BearerAuthenticationRequest(
                context.request().getHeader("Authorization"), null);
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(BearerAuthenticationRequest.class);
    }
}
