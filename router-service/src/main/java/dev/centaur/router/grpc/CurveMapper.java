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
                .setEvidence(CurveEvidence.newBuilder()
                        .setGoldenItems(report.evidence().goldenItems())
                        .setCrowdLabeledItems(report.evidence().crowdLabeledItems())
                        .setCrowdGoldPairs(report.evidence().crowd().pairs())
                        .setCrowdAccuracyAssumed(report.evidence().crowd().assumed())
                        .setDescription(report.evidence().description()));
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
                .setModelPredictions(cost.modelPredictions())
                .setCrowdAnswers(cost.crowdAnswers())
                .setExpectedExpertReviews(summary.expectedReviews())
                .build();
    }
}
