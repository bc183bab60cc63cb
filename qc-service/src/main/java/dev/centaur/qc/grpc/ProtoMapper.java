package dev.centaur.qc.grpc;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.service.AccuracyReport;
import dev.centaur.qc.service.Content;
import dev.centaur.qc.service.FinalLabelSource;
import dev.centaur.qc.service.LeasedReview;
import dev.centaur.qc.service.OfferOutcome;
import dev.centaur.qc.v1.GetAccuracyResponse;
import dev.centaur.qc.v1.OfferResponse;
import dev.centaur.qc.v1.Review;
import dev.centaur.qc.v1.SourceAccuracy;

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

    static GetAccuracyResponse toProto(AccuracyReport report) {
        GetAccuracyResponse.Builder response = GetAccuracyResponse.newBuilder()
                .setProjectId(report.projectId())
                .setOverall(toProto(report.overall()))
                .setOffered(report.offered())
                .setSampled(report.sampled())
                .setReviewed(report.reviewed());
        report.sources().forEach(source -> response.addSources(toProto(source)));
        return response.build();
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

    private static ItemContent toProto(Content content) {
        ItemContent.Builder proto = ItemContent.newBuilder();
        return content.isPair()
                ? proto.setTextA(content.textA()).setTextB(content.textB()).build()
                : proto.setText(content.text()).build();
    }

    /** Null stands for "all sources", the overall row. */
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
