package dev.centaur.qc.web;

import dev.centaur.qc.service.ShutdownGate;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** The review page's next answers 503 while the replica shuts down, like NextReview's UNAVAILABLE. */
public class ShutdownFilter {

    private static final String NEXT_REVIEW_PATH = "/api/reviews/next";

    @Inject
    ShutdownGate gate;

    @ServerRequestFilter
    public Response refuseNewReviewsWhileShuttingDown(ContainerRequestContext request) {
        if (gate.draining() && request.getUriInfo().getPath().endsWith(NEXT_REVIEW_PATH)) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "qc-service is shutting down and leases no new reviews: try again"))
                    .build();
        }
        return null;
    }
}
