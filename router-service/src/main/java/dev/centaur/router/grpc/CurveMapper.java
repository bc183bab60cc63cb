package dev.centaur.router.grpc;

import dev.centaur.router.curve.CostSummary;
import dev.centaur.router.curve.CurvePoint;
import dev.centaur.router.curve.OperatingChoice;
import dev.centaur.router.service.CostAccounting;
import dev.centaur.router.service.CurveService;
import dev.centaur.router.v1.CurveEvidence;
import dev.centaur.router.v1.GetCostResponse;
import dev.centaur.router.v1.GetCurveResponse;
import dev.centaur.router.v1.OperatingPoint;

/** The curve and the cost summary as the contract's messages. */
final class CurveMapper {

    private CurveMapper() {
    }

    static GetCurveResponse toProto(CurveService.CurveReport report) {
        GetCurveResponse.Builder response = GetCurveResponse.newBuilder()
                .setMode(ProtoMapper.toProto(report.project().mode))
                .setEffectiveThreshold(report.project().threshold)
                .setEvidence(toProto(report.evidence()));
        report.points().forEach(point -> response.addPoints(toProto(point)));
        OperatingChoice choice = report.choice();
        if (choice != null) {
            response.setOperatingPoint(OperatingPoint.newBuilder()
                    .setSatisfied(choice.satisfied())
                    .setThreshold(choice.threshold())
                    .setPoint(toProto(choice.point()))
                    .setExplanation(choice.explanation()));
        }
        return response.build();
    }

    static CurveEvidence toProto(dev.centaur.router.service.CurveEvidence evidence) {
        return CurveEvidence.newBuilder()
                .setGoldenItems(evidence.goldenItems())
                .setCrowdLabeledItems(evidence.crowdLabeledItems())
                .setCrowdGoldPairs(evidence.crowdGoldPairs().trials())
                .setCrowdAccuracyAssumed(evidence.crowd().assumed())
                .setDescription(evidence.description())
                .setQcReviewedItems(evidence.qcReviewedItems())
                .setQcReviewsModelRouted(evidence.reviewedModelRouted())
                .setQcReviewsCrowdRouted(evidence.reviewedCrowdRouted())
                .setRoutedToModel(evidence.census().toModel())
                .setRoutedToCrowd(evidence.census().toCrowd())
                .setQcReviewsLeftOutReason(evidence.weights().usable() ? "" : evidence.weights().leftOutReason())
                .setModelVersion(evidence.modelVersion())
                .setCrowdProbeItems(evidence.crowdProbes().trials())
                .setCrowdQcReviews(evidence.crowdReviews().trials())
                .setCrowdAccuracyTrials(evidence.crowd().trials())
                .setCrowdAccuracyCorrect(evidence.crowd().correct())
                .setCrowdLabelsEnabled(evidence.crowdLabelsEnabled())
                .build();
    }

    static dev.centaur.router.v1.CurvePoint toProto(CurvePoint point) {
        return dev.centaur.router.v1.CurvePoint.newBuilder()
                .setThreshold(point.threshold())
                .setCovered(point.covered())
                .setCoverage(point.coverage().estimate())
                .setCoverageLow(point.coverage().low())
                .setCoverageHigh(point.coverage().high())
                .setModelAccuracy(point.modelAccuracy().estimate())
                .setModelAccuracyLow(point.modelAccuracy().low())
                .setModelAccuracyHigh(point.modelAccuracy().high())
                .setCrowdAccuracy(point.crowdAccuracy().estimate())
                .setCrowdAccuracyLow(point.crowdAccuracy().low())
                .setCrowdAccuracyHigh(point.crowdAccuracy().high())
                .setOverallAccuracy(point.overallAccuracy().estimate())
                .setOverallAccuracyLow(point.overallAccuracy().low())
                .setOverallAccuracyHigh(point.overallAccuracy().high())
                .setCostPerItem(point.costPerItem().estimate())
                .setCostPerItemLow(point.costPerItem().low())
                .setCostPerItemHigh(point.costPerItem().high())
                .build();
    }

    static GetCostResponse toProto(CostAccounting.Cost cost) {
        CostSummary summary = cost.summary();
        return GetCostResponse.newBuilder()
                .setModelSpend(summary.modelSpend())
                .setCrowdSpend(summary.crowdSpend())
                .setExpertSpend(summary.expertSpend())
                .setTotalSpend(summary.totalSpend())
                .setFinalLabels(summary.finalLabels())
                .setCostPerFinalLabel(summary.costPerFinalLabel())
                .setCrowdOnlySpend(summary.crowdOnlySpend())
                .setSaving(summary.saving())
                .setModelPredictions(cost.counts().modelPredictions())
                .setCrowdAnswers(cost.counts().crowdAnswers())
                .setExpectedExpertReviews(summary.expectedReviews())
                .setExpertReviews(cost.counts().expertReviews())
                .setReviewedLabels(cost.reviewedLabels())
                .setExpectedExpertSpend(summary.expectedExpertSpend())
                .setCrowdProbeAnswers(cost.counts().probeAnswers())
                .build();
    }
}
