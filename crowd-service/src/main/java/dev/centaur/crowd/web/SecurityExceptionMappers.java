package dev.centaur.crowd.web;

import dev.centaur.crowd.security.AuthUnavailableException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The web API's refusals of callers, as JSON like its other errors: 401 without a usable token,
 * 403 for a token whose role is not annotator, 503 when the token could not be checked now.
 */
public class SecurityExceptionMappers {

    @Inject
    SecurityIdentity identity;

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException refused) {
        return error(Response.Status.UNAUTHORIZED, refused.getMessage() == null || refused.getMessage().isBlank()
                ? "the bearer token is unknown or revoked" : refused.getMessage());
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException refused) {
        return error(Response.Status.UNAUTHORIZED, "missing the 'Authorization: Bearer <token>' header");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException refused) {
        return error(Response.Status.FORBIDDEN, "the annotator API is for annotators; this token has role "
                + new TreeSet<>(identity.getRoles()));
    }

    @ServerExceptionMapper
    public Response unavailable(AuthUnavailableException failure) {
        return error(Response.Status.SERVICE_UNAVAILABLE, failure.getMessage());
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
