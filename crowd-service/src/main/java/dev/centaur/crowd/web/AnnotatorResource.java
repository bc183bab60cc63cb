package dev.centaur.crowd.web;

import dev.centaur.crowd.grpc.RequestValidator;
import dev.centaur.crowd.security.Callers;
import dev.centaur.crowd.service.Annotator;
import dev.centaur.crowd.service.AnnotatorService;
import dev.centaur.crowd.service.TaskService;
import dev.centaur.crowd.service.TaskService.AssignedTask;
import dev.centaur.crowd.service.TaskService.SubmitOutcome;
import dev.centaur.crowd.v1.NextTaskRequest;
import dev.centaur.crowd.v1.SubmitAnswerRequest;
import dev.centaur.guard.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The JSON API behind the annotator page ({@code /annotate/}): the same NextTask and SubmitAnswer
 * as the gRPC service, with the same bearer token (resolved by AnnotatePageAuthMechanism and the
 * gRPC side's identity provider), validation and services; for annotators only, each acting as
 * themselves. Errors are mapped by {@link CrowdExceptionMapper} and {@link SecurityExceptionMappers}.
 */
@Path("/api/annotate")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(Roles.ANNOTATOR)
public class AnnotatorResource {

    /** What the page sends to ask for a task. */
    public record NextTaskBody(String projectId) {
    }

    /** A task as the page shows it: text, or the pair textA / textB. */
    public record TaskView(String assignmentId, String itemId, String text, String textA, String textB,
            List<String> labels, String instructions) {
    }

    /** What the page sends to answer. */
    public record AnswerBody(String assignmentId, String label) {
    }

    /** The item's answers now; evaluationDue when this answer gave it the answers it wants (aggregated shortly). */
    public record AnswerView(long itemAnswers, boolean evaluationDue) {
    }

    @Inject
    RequestValidator validator;

    @Inject
    AnnotatorService annotators;

    @Inject
    TaskService tasks;

    @Inject
    SecurityIdentity identity;

    /** 200 with the task, or 204 when there is none for this annotator now. */
    @POST
    @Path("/next-task")
    public Response nextTask(NextTaskBody body) {
        Annotator caller = currentAnnotator();
        String projectId = body == null || body.projectId() == null ? "" : body.projectId();
        validator.nextTask(NextTaskRequest.newBuilder().setProjectId(projectId).build());
        return tasks.nextTask(caller, projectId, List.of())
                .map(task -> Response.ok(view(task)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("/answer")
    public AnswerView answer(AnswerBody body) {
        Annotator caller = currentAnnotator();
        String assignmentId = body == null || body.assignmentId() == null ? "" : body.assignmentId();
        String label = body == null || body.label() == null ? "" : body.label();
        validator.submitAnswer(SubmitAnswerRequest.newBuilder().setAssignmentId(assignmentId).setLabel(label).build());
        SubmitOutcome outcome = tasks.submitAnswer(caller, assignmentId, label);
        return new AnswerView(outcome.itemAnswers(), outcome.evaluationDue());
    }

    /** The annotator whose token made this request. */
    private Annotator currentAnnotator() {
        return annotators.requireActive(Callers.annotatorId(identity));
    }

    private static TaskView view(AssignedTask task) {
        return new TaskView(task.assignment().assignmentId, task.item().itemId, task.item().text, task.item().textA,
                task.item().textB, task.project().labelList(), task.project().instructions);
    }
}
