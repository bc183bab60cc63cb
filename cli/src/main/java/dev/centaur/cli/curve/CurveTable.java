package dev.centaur.cli.curve;

import dev.centaur.router.v1.CurveEvidence;
import dev.centaur.router.v1.CurvePoint;
import dev.centaur.router.v1.GetCurveResponse;

import java.util.Locale;

/** The cost-quality curve as a text table, the operating point marked with {@code *}. */
public final class CurveTable {

    static final String HEADER = String.format(Locale.ROOT, "  %-9s %-8s %-21s %-21s %-21s %-9s",
            "threshold", "coverage", "model acc [lo, hi]", "crowd acc [lo, hi]", "overall [lo, hi]", "cost/item");

    private CurveTable() {
    }

    public static String render(GetCurveResponse curve) {
        StringBuilder text = new StringBuilder();
        if (curve.getPointsCount() == 0) {
            text.append("No curve yet: no evidence (add golden items and train, or wait for predictions).\n");
        } else {
            text.append(HEADER).append('\n');
            boolean hasOperatingPoint = curve.hasOperatingPoint();
            for (CurvePoint point : curve.getPointsList()) {
                boolean chosen = hasOperatingPoint && Math.abs(point.getThreshold() - curve.getOperatingPoint().getThreshold()) < 1e-9;
                text.append(row(point, chosen)).append('\n');
            }
        }
        if (curve.hasOperatingPoint()) {
            text.append(String.format(Locale.ROOT, "Operating point (*): threshold %.3f%s, mode %s, effective threshold %.3f%n",
                    curve.getOperatingPoint().getThreshold(), curve.getOperatingPoint().getSatisfied() ? "" : " (policy NOT satisfied)",
                    curve.getMode().name().replaceFirst("^POLICY_MODE_", ""), curve.getEffectiveThreshold()));
            if (!curve.getOperatingPoint().getExplanation().isEmpty()) {
                text.append("  ").append(curve.getOperatingPoint().getExplanation()).append('\n');
            }
        }
        text.append(evidence(curve)).append('\n');
        return text.toString();
    }

    static String row(CurvePoint p, boolean chosen) {
        return String.format(Locale.ROOT, "%s %-9.3f %-8.3f %-21s %-21s %-21s %-9.4f", chosen ? "*" : " ",
                p.getThreshold(), p.getCoverage(),
                interval(p.getModelAccuracy(), p.getModelAccuracyLow(), p.getModelAccuracyHigh()),
                interval(p.getCrowdAccuracy(), p.getCrowdAccuracyLow(), p.getCrowdAccuracyHigh()),
                interval(p.getOverallAccuracy(), p.getOverallAccuracyLow(), p.getOverallAccuracyHigh()),
                p.getCostPerItem()).stripTrailing();
    }

    static String interval(double value, double low, double high) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", value, low, high);
    }

    /** What judged the model, what measured the crowd (or that its accuracy is assumed), in words. */
    static String evidence(GetCurveResponse curve) {
        CurveEvidence e = curve.getEvidence();
        String qc = String.format(Locale.ROOT, "%d qc-reviewed items (%d model-labeled + %d crowd-routed%s)",
                e.getQcReviewedItems(), e.getQcReviewsModelRouted(), e.getQcReviewsCrowdRouted(),
                e.getQcReviewsLeftOutReason().isEmpty() ? "" : "; left out: " + e.getQcReviewsLeftOutReason());
        String crowdLabeled = e.getCrowdLabelsEnabled() ? e.getCrowdLabeledItems() + " crowd-labeled items"
                : "crowd-aggregated labels not used";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Evidence: %d held-out golden items, %s, %s",
                e.getGoldenItems(), qc, crowdLabeled));
        text.append('\n').append(crowdAccuracy(curve));
        if (!e.getDescription().isEmpty()) {
            text.append("\n  ").append(e.getDescription());
        }
        return text.toString();
    }

    /** Every point carries the same crowd accuracy; without points only the counts are known. */
    static String crowdAccuracy(GetCurveResponse curve) {
        CurveEvidence e = curve.getEvidence();
        if (e.getCrowdAccuracyAssumed()) {
            return curve.getPointsCount() == 0 ? "Crowd accuracy: assumed (nothing measured it yet)"
                    : String.format(Locale.ROOT, "Crowd accuracy: assumed %.3f (nothing measured it yet)",
                            curve.getPoints(0).getCrowdAccuracy());
        }
        String measured = curve.getPointsCount() == 0 ? "measured"
                : "measured " + interval(curve.getPoints(0).getCrowdAccuracy(), curve.getPoints(0).getCrowdAccuracyLow(),
                        curve.getPoints(0).getCrowdAccuracyHigh());
        return String.format(Locale.ROOT, "Crowd accuracy: %s on %d checked crowd labels, %d right (%d golden probes, "
                        + "%d qc reviews, %d crowd/gold pairs)", measured, e.getCrowdAccuracyTrials(),
                e.getCrowdAccuracyCorrect(), e.getCrowdProbeItems(), e.getCrowdQcReviews(), e.getCrowdGoldPairs());
    }
}
