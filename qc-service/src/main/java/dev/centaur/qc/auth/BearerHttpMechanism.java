package dev.centaur.qc.auth;

import dev.centaur.guard.BearerTokens;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The review page's API ({@value #API_PATH}...) takes the expert's bearer token from the HTTP
 * header and resolves it through the same {@link BearerIdentityProvider} as gRPC. Every other path
 * stays anonymous here: the page's files, health and metrics are open, and gRPC calls (which share
 * this HTTP server) are checked by {@link BearerGrpcMechanism} instead.
 */
@Singleton
public class BearerHttpMechanism implements HttpAuthenticationMechanism {

    static final String API_PATH = "/api/";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!context.normalizedPath().startsWith(API_PATH)) {
            return Uni.createFrom().nullItem();
        }
        BearerTokenRequest request = new BearerTokenRequest(
                BearerTokens.fromHeader(context.request().getHeader(BearerTokens.HEADER)));
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(),
                HttpHeaderNames.WWW_AUTHENTICATE, "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(BearerTokenRequest.class);
    }
}
