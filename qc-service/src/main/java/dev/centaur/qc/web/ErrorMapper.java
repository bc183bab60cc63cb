package dev.centaur.qc.web;

import dev.centaur.guard.auth.AuthorityUnavailableException;
import dev.centaur.qc.service.InvalidRequestException;
import dev.centaur.qc.service.NotFoundException;
import dev.centaur.qc.service.PermissionDeniedException;
import dev.centaur.qc.service.PreconditionFailedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where QC's exceptions become HTTP statuses for the review page's API. */
public class ErrorMapper {

    /** The body of every error: the same description a gRPC caller would get. */
    public record Error(String error) {
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return error(Response.Status.BAD_REQUEST, e);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return error(Response.Status.NOT_FOUND, e);
    }

    @ServerExceptionMapper
    public Response precondition(PreconditionFailedException e) {
        return error(Response.Status.CONFLICT, e);
    }

    @ServerExceptionMapper
    public Response denied(PermissionDeniedException e) {
        return error(Response.Status.FORBIDDEN, e);
    }

    /** Router could not check the expert's token and nothing was remembered: try again, the token may be fine. */
    @ServerExceptionMapper
    public Response routerUnavailable(AuthorityUnavailableException e) {
        return error(Response.Status.SERVICE_UNAVAILABLE, e);
    }

    private static Response error(Response.Status status, RuntimeException e) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new Error(e.getMessage())).build();
    }
}
