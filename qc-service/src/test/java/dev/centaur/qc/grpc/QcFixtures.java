package dev.centaur.qc.grpc;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.v1.NextReviewRequest;
import dev.centaur.qc.v1.NextReviewResponse;
import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import dev.centaur.qc.v1.Review;
import dev.centaur.qc.v1.SubmitReviewRequest;
import dev.centaur.qc.v1.SubmitReviewResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.function.Executable;

/** Builders for requests and assertions on gRPC statuses, shared by the QC tests. */
final class QcFixtures {

    static final List<String> LABELS = List.of("positive", "negative", "neutral");

    private QcFixtures() {
    }

    /** A fresh project per test, so reruns and other tests never interfere. */
    static String newProjectId() {
        return "qc-test-" + UUID.randomUUID().toString().substring(0, 13);
    }

    static OfferedLabel single(String itemId, String label, LabelSource source) {
        return OfferedLabel.newBuilder()
                .setItemId(itemId)
                .setContent(ItemContent.newBuilder().setText("text of " + itemId))
                .setLabel(label)
                .setSource(source)
                .setConfidence(0.9)
                .setModelVersion("model-1")
                .build();
    }

    static OfferedLabel pair(String itemId, String label, LabelSource source) {
        return single(itemId, label, source).toBuilder()
                .setContent(ItemContent.newBuilder().setTextA("a of " + itemId).setTextB("b of " + itemId))
                .build();
    }

    static OfferRequest offer(String projectId, double qcRate, List<OfferedLabel> labels) {
        return OfferRequest.newBuilder()
                .setProjectId(projectId)
                .addAllLabels(LABELS)
                .setQcRate(qcRate)
                .addAllLabelsOffered(labels)
                .build();
    }

    static SubmitReviewResponse answer(QcServiceBlockingStub qc, String expertId, String reviewId, String label) {
        return qc.submitReview(SubmitReviewRequest.newBuilder()
                .setExpertId(expertId).setReviewId(reviewId).setLabel(label).build());
    }

    /** The review the expert is handed next in the project, if any. */
    static Optional<Review> nextReview(QcServiceBlockingStub qc, String expertId, String projectId) {
        NextReviewResponse response = qc.nextReview(NextReviewRequest.newBuilder()
                .setExpertId(expertId).setProjectId(projectId).build());
        return response.hasReview() ? Optional.of(response.getReview()) : Optional.empty();
    }

    /** The service's Prometheus scrape. */
    static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one Prometheus sample, by its exact name and labels. */
    static double metric(String scrape, String sample) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        assertTrue(matcher.find(), sample + " missing from /q/metrics");
        return Double.parseDouble(matcher.group(1));
    }

    /** Runs the call, checks it failed with {@code code} and that the description names {@code fragment}. */
    static StatusRuntimeException assertFails(Status.Code code, String fragment, Executable call) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, failure.getStatus().getCode(), failure.getStatus().toString());
        String description = failure.getStatus().getDescription();
        assertTrue(description != null && description.contains(fragment),
                "description " + description + " should contain " + fragment);
        return failure;
    }
}
