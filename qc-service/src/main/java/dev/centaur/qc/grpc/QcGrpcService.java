package dev.centaur.qc.grpc;

import dev.centaur.qc.service.AccuracyService;
import dev.centaur.qc.service.OfferService;
import dev.centaur.qc.service.ReviewService;
import dev.centaur.qc.v1.GetAccuracyRequest;
import dev.centaur.qc.v1.GetAccuracyResponse;
import dev.centaur.qc.v1.NextReviewRequest;
import dev.centaur.qc.v1.NextReviewResponse;
import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.qc.v1.OfferResponse;
import dev.centaur.qc.v1.QcService;
import dev.centaur.qc.v1.SubmitReviewRequest;
import dev.centaur.qc.v1.SubmitReviewResponse;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** The gRPC face of QC: validate, call the service, map back. Every call uses JDBC, so all block. */
@GrpcService
public class QcGrpcService implements QcService {

    private final RequestValidator validator;
    private final OfferService offers;
    private final ReviewService reviews;
    private final AccuracyService accuracy;

    QcGrpcService(RequestValidator validator, OfferService offers, ReviewService reviews, AccuracyService accuracy) {
        this.validator = validator;
        this.offers = offers;
        this.reviews = reviews;
        this.accuracy = accuracy;
    }

    @Override
    @Blocking
    public Uni<OfferResponse> offer(OfferRequest request) {
        return call(() -> ProtoMapper.toProto(offers.offer(validator.offer(request))));
    }

    @Override
    @Blocking
    public Uni<NextReviewResponse> nextReview(NextReviewRequest request) {
        return call(() -> {
            String expertId = validator.expertId(request.getExpertId());
            NextReviewResponse.Builder response = NextReviewResponse.newBuilder();
            reviews.next(expertId, validator.optionalProjectId(request.getProjectId()))
                    .ifPresent(review -> response.setReview(ProtoMapper.toProto(review)));
            return response.build();
        });
    }

    @Override
    @Blocking
    public Uni<SubmitReviewResponse> submitReview(SubmitReviewRequest request) {
        return call(() -> {
            String expertId = validator.expertId(request.getExpertId());
            String reviewId = validator.required("review_id", request.getReviewId());
            String label = validator.required("label", request.getLabel());
            boolean correct = reviews.submit(expertId, reviewId, label);
            return SubmitReviewResponse.newBuilder().setFinalLabelCorrect(correct).build();
        });
    }

    @Override
    @Blocking
    public Uni<GetAccuracyResponse> getAccuracy(GetAccuracyRequest request) {
        return call(() -> ProtoMapper.toProto(accuracy.report(validator.projectId(request.getProjectId()))));
    }

    private static <T> Uni<T> call(Supplier<T> work) {
        return Uni.createFrom().item(work).onFailure().transform(StatusMapper::toStatus);
    }
}
