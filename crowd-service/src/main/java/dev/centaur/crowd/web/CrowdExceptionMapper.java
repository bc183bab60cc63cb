package dev.centaur.crowd.web;

import dev.centaur.crowd.service.CrowdException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** The web API's one place where refusals become HTTP statuses, with the same messages as gRPC's. */
@Provider
public class CrowdExceptionMapper implements ExceptionMapper<CrowdException> {

    @Override
    public Response toResponse(CrowdException refused) {
        int status = switch (refused.kind()) {
            case INVALID_ARGUMENT -> 400;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, FAILED_PRECONDITION -> 409;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", refused.getMessage())).build();
    }
}
