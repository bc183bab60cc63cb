package dev.centaur.qc.web;

import dev.centaur.guard.Roles;
import dev.centaur.qc.auth.ExpertCaller;
import dev.centaur.qc.grpc.RequestValidator;
import dev.centaur.qc.service.AnsweredReview;
import dev.centaur.qc.service.LeasedReview;
import dev.centaur.qc.service.ReviewService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The JSON API of the expert review page (/review/): the same use cases as NextReview and
 * SubmitReview, checked by the same validator. Errors are mapped in {@link ErrorMapper}. Only
 * experts, with their bearer token in the {@code authorization} header, and only as themselves: an
 * empty expertId means the token's holder.
 */
@Path("/api/reviews")
@RolesAllowed(Roles.EXPERT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class ReviewResource {

    /** Ask for the next review; {@code projectId} may be empty for any project. */
    public record NextRequest(String expertId, String projectId) {
    }

    /** A leased review as the page shows it: no final label, no source. */
    public record ReviewView(String reviewId, String projectId, String itemId, String text, String textA,
            String textB, List<String> labels, long leaseExpiresAtEpochMs) {
    }

    public record AnswerRequest(String expertId, String label) {
    }

    /** Shown after the answer: the final label, its source, and what became of the item. */
    public record AnswerView(boolean agreed, String finalLabel, String finalLabelSource, String outcome,
            String decidedLabel) {
    }

    private final RequestValidator validator;
    private final ReviewService reviews;
    private final ExpertCaller experts;

    ReviewResource(RequestValidator validator, ReviewService reviews, ExpertCaller experts) {
        this.validator = validator;
        this.experts = experts;
        this.reviews = reviews;
    }

    /** 200 with the review, or 204 when none is open for this expert. */
    @POST
    @Path("/next")
    public Response next(NextRequest request) {
        NextRequest body = request == null ? new NextRequest(null, null) : request;
        String expertId = validator.expertId(
                validator.required("expertId", experts.expertId("expertId", body.expertId())));
        return reviews.next(expertId, validator.optionalProjectId(body.projectId() == null ? "" : body.projectId()))
                .map(review -> Response.ok(view(review)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("/{reviewId}/answer")
    public AnswerView answer(@PathParam("reviewId") String reviewId, AnswerRequest request) {
        AnswerRequest body = request == null ? new AnswerRequest(null, null) : request;
        String expertId = validator.expertId(
                validator.required("expertId", experts.expertId("expertId", body.expertId())));
        String label = validator.required("label", body.label());
        AnsweredReview answered = reviews.submit(expertId, reviewId, label);
        return new AnswerView(answered.finalLabelCorrect(), answered.finalLabel(), answered.finalLabelSource().name(),
                answered.outcome().name(), answered.decidedLabel());
    }

    private static ReviewView view(LeasedReview review) {
        return new ReviewView(review.reviewId().toString(), review.projectId(), review.itemId(),
                review.content().text(), review.content().textA(), review.content().textB(), review.labels(),
                review.leaseExpiresAt().toEpochMilli());
    }
}
