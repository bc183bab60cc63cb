package dev.centaur.qc.grpc;

import dev.centaur.guard.Roles;
import dev.centaur.qc.auth.ExpertCaller;
import dev.centaur.qc.service.AccuracyService;
import dev.centaur.qc.service.CorrectionService;
import dev.centaur.qc.service.DriftService;
import dev.centaur.qc.service.FinalLabelSource;
import dev.centaur.qc.service.OfferService;
import dev.centaur.qc.service.ReviewService;
import dev.centaur.qc.service.VerdictService;
import dev.centaur.qc.v1.GetAccuracyRequest;
import dev.centaur.qc.v1.GetAccuracyResponse;
import dev.centaur.qc.v1.GetDriftRequest;
import dev.centaur.qc.v1.GetDriftResponse;
import dev.centaur.qc.v1.ListCorrectionsRequest;
import dev.centaur.qc.v1.ListCorrectionsResponse;
import dev.centaur.qc.v1.ListVerdictsRequest;
import dev.centaur.qc.v1.ListVerdictsResponse;
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
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The gRPC face of QC: validate, call the service, map back. Every call uses JDBC, so all block.
 * Every method names its roles (DESIGN.md, Roles; GrpcSecurityAnnotationsTest fails otherwise).
 */
@GrpcService
public class QcGrpcService implements QcService {

    private final RequestValidator validator;
    private final OfferService offers;
    private final ReviewService reviews;
    private final AccuracyService accuracy;
    private final DriftService drift;
    private final CorrectionService corrections;
    private final VerdictService verdicts;
    private final ExpertCaller experts;

    QcGrpcService(RequestValidator validator, OfferService offers, ReviewService reviews, AccuracyService accuracy,
            DriftService drift, CorrectionService corrections, VerdictService verdicts, ExpertCaller experts) {
        this.experts = experts;
        this.validator = validator;
        this.offers = offers;
        this.reviews = reviews;
        this.accuracy = accuracy;
        this.drift = drift;
        this.corrections = corrections;
        this.verdicts = verdicts;
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    public Uni<OfferResponse> offer(OfferRequest request) {
        return call(() -> ProtoMapper.toProto(offers.offer(validator.offer(request))));
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.EXPERT})
    public Uni<NextReviewResponse> nextReview(NextReviewRequest request) {
        return call(() -> {
            String expertId = validator.expertId(experts.expertId("expert_id", request.getExpertId()));
            NextReviewResponse.Builder response = NextReviewResponse.newBuilder();
            reviews.next(expertId, validator.optionalProjectId(request.getProjectId()))
                    .ifPresent(review -> response.setReview(ProtoMapper.toProto(review)));
            return response.build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.EXPERT})
    public Uni<SubmitReviewResponse> submitReview(SubmitReviewRequest request) {
        return call(() -> {
            String expertId = validator.expertId(experts.expertId("expert_id", request.getExpertId()));
            String reviewId = validator.required("review_id", request.getReviewId());
            String label = validator.required("label", request.getLabel());
            return ProtoMapper.toProto(reviews.submit(expertId, reviewId, label));
        });
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT, Roles.SERVICE})
    public Uni<GetAccuracyResponse> getAccuracy(GetAccuracyRequest request) {
        return call(() -> ProtoMapper.toProto(accuracy.report(validator.projectId(request.getProjectId()))));
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT, Roles.SERVICE})
    public Uni<GetDriftResponse> getDrift(GetDriftRequest request) {
        return call(() -> {
            String projectId = validator.projectId(request.getProjectId());
            Optional<Integer> windowSize = validator.windowSize(request.getWindowSize());
            Optional<FinalLabelSource> source = validator.optionalSource("source", request.getSource(),
                    request.getSourceValue());
            return ProtoMapper.toProto(drift.report(projectId, windowSize, source));
        });
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    public Uni<ListCorrectionsResponse> listCorrections(ListCorrectionsRequest request) {
        return call(() -> {
            String projectId = validator.projectId(request.getProjectId());
            long after = validator.after(request.getAfter());
            int pageSize = validator.pageSize(request.getPageSize());
            return ProtoMapper.toProto(corrections.list(projectId, after, pageSize));
        });
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    public Uni<ListVerdictsResponse> listVerdicts(ListVerdictsRequest request) {
        return call(() -> {
            String projectId = validator.projectId(request.getProjectId());
            long after = validator.after(request.getAfter());
            int pageSize = validator.pageSize(request.getPageSize());
            return ProtoMapper.toProto(verdicts.list(projectId, after, pageSize));
        });
    }

    private static <T> Uni<T> call(Supplier<T> work) {
        return Uni.createFrom().item(work).onFailure().transform(StatusMapper::toStatus);
    }
}
