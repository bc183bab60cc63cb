package dev.centaur.qc.grpc;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.service.AccuracyReport;
import dev.centaur.qc.service.AnsweredReview;
import dev.centaur.qc.service.Content;
import dev.centaur.qc.service.Correction;
import dev.centaur.qc.service.CorrectionPage;
import dev.centaur.qc.service.DecidedVerdict;
import dev.centaur.qc.service.DriftReport;
import dev.centaur.qc.service.FinalLabelSource;
import dev.centaur.qc.service.LeasedReview;
import dev.centaur.qc.service.OfferOutcome;
import dev.centaur.qc.service.VerdictPage;
import dev.centaur.qc.v1.DriftWindow;
import dev.centaur.qc.v1.GetAccuracyResponse;
import dev.centaur.qc.v1.GetDriftResponse;
import dev.centaur.qc.v1.GroupAccuracy;
import dev.centaur.qc.v1.ListCorrectionsResponse;
import dev.centaur.qc.v1.ListVerdictsResponse;
import dev.centaur.qc.v1.OfferResponse;
import dev.centaur.qc.v1.Review;
import dev.centaur.qc.v1.ReviewOutcome;
import dev.centaur.qc.v1.SourceAccuracy;
import dev.centaur.qc.v1.SourceDrift;
import dev.centaur.qc.v1.SubmitReviewResponse;
import dev.centaur.qc.v1.Verdict;
import dev.centaur.qc.v1.VerdictResult;

/** Domain results to protobuf messages. */
final class ProtoMapper {

    private ProtoMapper() {
    }

    static OfferResponse toProto(OfferOutcome outcome) {
        return OfferResponse.newBuilder()
                .setReceived(outcome.received())
                .setSampled(outcome.sampled())
                .setDuplicates(outcome.duplicates())
                .build();
    }

    static Review toProto(LeasedReview review) {
        return Review.newBuilder()
                .setReviewId(review.reviewId().toString())
                .setProjectId(review.projectId())
                .setItemId(review.itemId())
                .setContent(toProto(review.content()))
                .addAllLabels(review.labels())
                .setLeaseExpiresAtEpochMs(review.leaseExpiresAt().toEpochMilli())
                .build();
    }

    static SubmitReviewResponse toProto(AnsweredReview answered) {
        SubmitReviewResponse.Builder response = SubmitReviewResponse.newBuilder()
                .setFinalLabelCorrect(answered.finalLabelCorrect())
                .setFinalLabel(answered.finalLabel())
                .setFinalLabelSource(toProto(answered.finalLabelSource()))
                .setOutcome(switch (answered.outcome()) {
                    case DECIDED -> ReviewOutcome.REVIEW_OUTCOME_DECIDED;
                    case AWAITING_SECOND_REVIEW -> ReviewOutcome.REVIEW_OUTCOME_AWAITING_SECOND_REVIEW;
                    case SENT_TO_THIRD_REVIEW -> ReviewOutcome.REVIEW_OUTCOME_SENT_TO_THIRD_REVIEW;
                })
                .setCorrected(answered.corrected());
        if (answered.decidedLabel() != null) {
            response.setDecidedLabel(answered.decidedLabel());
        }
        return response.build();
    }

    static GetAccuracyResponse toProto(AccuracyReport report) {
        GetAccuracyResponse.Builder response = GetAccuracyResponse.newBuilder()
                .setProjectId(report.projectId())
                .setOverall(toProto(report.overall()))
                .setStratified(toProto(report.stratified()))
                .setReviewedWeight(report.reviewedWeight())
                .setOffered(report.offered())
                .setSampled(report.sampled())
                .setReviewed(report.reviewed())
                .setPending(report.pending())
                .setCorrections(report.corrections());
        report.sources().forEach(source -> response.addSources(toProto(source)));
        report.labels().forEach(group -> response.addLabels(toProto(group)));
        report.modelVersions().forEach(group -> response.addModelVersions(toProto(group)));
        return response.build();
    }

    static GetDriftResponse toProto(DriftReport report) {
        GetDriftResponse.Builder response = GetDriftResponse.newBuilder()
                .setProjectId(report.projectId())
                .setWindowSize(report.windowSize())
                .setAlpha(report.alpha());
        for (dev.centaur.qc.service.SourceDrift source : report.sources()) {
            SourceDrift.Builder drift = SourceDrift.newBuilder()
                    .setSource(toProto(source.source()))
                    .setZ(source.z())
                    .setPValue(source.pValue())
                    .setAlert(source.alert());
            source.windows().forEach(window -> drift.addWindows(DriftWindow.newBuilder()
                    .setReviews(window.accuracy().trials())
                    .setCorrect(window.accuracy().successes())
                    .setAccuracy(window.accuracy().estimate())
                    .setLower(window.accuracy().lower())
                    .setUpper(window.accuracy().upper())
                    .setFirstDecidedAtEpochMs(window.firstDecidedAt().toEpochMilli())
                    .setLastDecidedAtEpochMs(window.lastDecidedAt().toEpochMilli())));
            response.addSources(drift);
        }
        return response.build();
    }

    static ListCorrectionsResponse toProto(CorrectionPage page) {
        ListCorrectionsResponse.Builder response = ListCorrectionsResponse.newBuilder()
                .setNextAfter(page.nextAfter())
                .setHasMore(page.hasMore());
        page.corrections().forEach(correction -> response.addCorrections(toProto(correction)));
        return response.build();
    }

    private static dev.centaur.qc.v1.Correction toProto(Correction correction) {
        return dev.centaur.qc.v1.Correction.newBuilder()
                .setSequence(correction.sequence)
                .setProjectId(correction.projectId)
                .setItemId(correction.itemId)
                .setFinalLabel(correction.finalLabel)
                .setSource(toProto(correction.source))
                .setModelVersion(correction.modelVersion)
                .setCorrectedLabel(correction.correctedLabel)
                .setReviews(correction.reviews)
                .setCorrectedAtEpochMs(correction.correctedAt.toEpochMilli())
                .build();
    }

    static ListVerdictsResponse toProto(VerdictPage page) {
        ListVerdictsResponse.Builder response = ListVerdictsResponse.newBuilder()
                .setNextAfter(page.nextAfter())
                .setHasMore(page.hasMore());
        page.verdicts().forEach(verdict -> response.addVerdicts(toProto(verdict)));
        return response.build();
    }

    private static Verdict toProto(DecidedVerdict verdict) {
        return Verdict.newBuilder()
                .setSequence(verdict.sequence)
                .setProjectId(verdict.projectId)
                .setItemId(verdict.itemId)
                .setFinalLabel(verdict.finalLabel)
                .setSource(toProto(verdict.source))
                .setModelVersion(verdict.modelVersion)
                .setExpertLabel(verdict.expertLabel)
                .setResult(verdict.correct ? VerdictResult.VERDICT_RESULT_CONFIRMED
                        : VerdictResult.VERDICT_RESULT_CORRECTED)
                .setReviews(verdict.reviews)
                .setDecidedAtEpochMs(verdict.decidedAt.toEpochMilli())
                .setSampleRate(verdict.sampleRate == null ? 0 : verdict.sampleRate)
                .setCorrectionSequence(verdict.correctionSequence == null ? 0 : verdict.correctionSequence)
                .build();
    }

    private static SourceAccuracy toProto(dev.centaur.qc.service.SourceAccuracy source) {
        return SourceAccuracy.newBuilder()
                .setSource(toProto(source.source()))
                .setOffered(source.offered())
                .setReviews(source.accuracy().trials())
                .setCorrect(source.accuracy().successes())
                .setAccuracy(source.accuracy().estimate())
                .setLower(source.accuracy().lower())
                .setUpper(source.accuracy().upper())
                .build();
    }

    private static GroupAccuracy toProto(dev.centaur.qc.service.GroupAccuracy group) {
        return GroupAccuracy.newBuilder()
                .setGroup(group.group())
                .setOffered(group.offered())
                .setReviews(group.accuracy().trials())
                .setCorrect(group.accuracy().successes())
                .setAccuracy(group.accuracy().estimate())
                .setLower(group.accuracy().lower())
                .setUpper(group.accuracy().upper())
                .build();
    }

    private static ItemContent toProto(Content content) {
        ItemContent.Builder proto = ItemContent.newBuilder();
        return content.isPair()
                ? proto.setTextA(content.textA()).setTextB(content.textB()).build()
                : proto.setText(content.text()).build();
    }

    /** Null stands for "all sources", the overall rows. */
    private static LabelSource toProto(FinalLabelSource source) {
        if (source == null) {
            return LabelSource.LABEL_SOURCE_UNSPECIFIED;
        }
        return switch (source) {
            case MODEL -> LabelSource.LABEL_SOURCE_MODEL;
            case CROWD -> LabelSource.LABEL_SOURCE_CROWD;
            case HYBRID -> LabelSource.LABEL_SOURCE_HYBRID;
            case EXPERT -> LabelSource.LABEL_SOURCE_EXPERT;
        };
    }
}
