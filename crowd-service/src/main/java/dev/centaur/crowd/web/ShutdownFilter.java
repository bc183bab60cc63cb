package dev.centaur.crowd.web;

import dev.centaur.crowd.service.ShutdownGate;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** The annotator page's next-task answers 503 while the replica shuts down, like NextTask's UNAVAILABLE. */
public class ShutdownFilter {

    private static final String NEXT_TASK_PATH = "/api/annotate/next-task";

    @Inject
    ShutdownGate gate;

    @ServerRequestFilter
    public Response refuseNewTasksWhileShuttingDown(ContainerRequestContext request) {
        if (gate.draining() && request.getUriInfo().getPath().endsWith(NEXT_TASK_PATH)) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "crowd-service is shutting down and hands out no new tasks: try again"))
                    .build();
        }
        return null;
    }
}
