package dev.centaur.crowd.security;

import dev.centaur.crowd.client.RouterAccessClient;
import dev.centaur.crowd.client.RouterAccessClient.IssuedTo;
import dev.centaur.crowd.config.AuthConfig;
import dev.centaur.crowd.service.AnnotatorService;
import dev.centaur.crowd.service.AnnotatorService.TokenHolder;
import dev.centaur.guard.BearerTokens;
import dev.centaur.guard.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Who a bearer token belongs to, in this order: the services' own token (role service), the
 * bootstrap admin's hash (admin), one of crowd's annotator tokens (annotator; principal = the
 * annotator's id; a database lookup, on a worker thread), then router's AccessService (admin,
 * client or expert; cached by {@link RouterAccessClient}). No match: UNAUTHENTICATED. Router down
 * and nothing cached: UNAVAILABLE ({@link AuthUnavailableException}).
 *
 * <p>With {@code centaur.auth.enabled=false} every caller has every role; an annotator token still
 * names the annotator, since NextTask and SubmitAnswer act for the token's annotator.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<BearerAuthenticationRequest> {

    @Inject
    AuthConfig config;

    @Inject
    AnnotatorService annotators;

    @Inject
    RouterAccessClient router;

    private Optional<String> serviceTokenSha256;
    private Optional<String> adminTokenSha256;

    @PostConstruct
    void hashConfiguredTokens() {
        serviceTokenSha256 = config.serviceToken().filter(t -> !t.isBlank()).map(BearerTokens::sha256Hex);
        adminTokenSha256 = config.adminTokenSha256().filter(h -> !h.isBlank());
    }

    @Override
    public Class<BearerAuthenticationRequest> getRequestType() {
        return BearerAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(BearerAuthenticationRequest request, AuthenticationRequestContext context) {
        return request.resolveOnce(() -> resolve(request, context).invoke(identity -> {
            if (request.call() != null) {
                request.call().resolved(identity);
            }
        }));
    }

    private Uni<SecurityIdentity> resolve(BearerAuthenticationRequest request, AuthenticationRequestContext context) {
        Optional<String> token = request.token();
        if (!config.enabled()) {
            if (token.isEmpty()) {
                return Uni.createFrom().item(Callers.local(null, request.whyNoToken()));
            }
            return context.runBlocking(() -> lookUpAnnotator(token.get())
                    .map(holder -> Callers.local(holder.annotatorId(), null))
                    .orElseGet(() -> Callers.local(null, "the bearer token belongs to no annotator")));
        }
        if (token.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(request.whyNoToken()));
        }
        if (serviceTokenSha256.isPresent() && BearerTokens.matches(token.get(), serviceTokenSha256.get())) {
            return Uni.createFrom().item(Callers.withRole(Callers.SERVICE, Roles.SERVICE));
        }
        if (adminTokenSha256.isPresent() && BearerTokens.matches(token.get(), adminTokenSha256.get())) {
            return Uni.createFrom().item(Callers.withRole(Callers.BOOTSTRAP_ADMIN, Roles.ADMIN));
        }
        return context.runBlocking(() -> fromStores(token.get()));
    }

    /** Blocking: crowd's annotators first, then router. */
    private SecurityIdentity fromStores(String token) {
        Optional<TokenHolder> annotator = lookUpAnnotator(token);
        if (annotator.isPresent()) {
            if (annotator.get().revokedAt() != null) {
                throw new AuthenticationFailedException("annotator " + annotator.get().annotatorId()
                        + "'s token was revoked at " + annotator.get().revokedAt());
            }
            return Callers.annotator(annotator.get().annotatorId());
        }
        Optional<IssuedTo> issued = router.authenticate(token);
        if (issued.isEmpty()) {
            throw new AuthenticationFailedException(Callers.UNKNOWN_TOKEN);
        }
        return Callers.withRole(issued.get().subject(), issued.get().role());
    }

    private Optional<TokenHolder> lookUpAnnotator(String token) {
        try {
            return annotators.findByTokenSha256(BearerTokens.sha256Hex(token));
        } catch (RuntimeException e) {
            throw new AuthUnavailableException("cannot check the bearer token: crowd-service's database did not "
                    + "answer (" + e.getClass().getSimpleName() + "); retry", e);
        }
    }
}
