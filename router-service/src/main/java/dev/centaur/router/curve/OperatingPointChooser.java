package dev.centaur.router.curve;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Picks the operating point of a curve for the target-accuracy and the budget modes. */
public final class OperatingPointChooser {

    /** Costs within this of the budget count as within it (float rounding in the sums). */
    private static final double COST_TOLERANCE = 1e-12;

    /** Among equally good points the higher threshold is safer for items not yet seen. */
    private static final Comparator<CurvePoint> HIGHER_THRESHOLD = Comparator.comparingDouble(CurvePoint::threshold);

    private OperatingPointChooser() {
    }

    /** The cheapest point whose overall-accuracy lower bound meets the target; else threshold 1.0. */
    public static OperatingChoice forTargetAccuracy(List<CurvePoint> curve, double target) {
        Optional<CurvePoint> cheapest = curve.stream()
                .filter(point -> point.overallAccuracy().low() >= target)
                .min(Comparator.<CurvePoint>comparingDouble(point -> point.costPerItem().estimate())
                        .thenComparing(HIGHER_THRESHOLD.reversed()));
        if (cheapest.isPresent()) {
            CurvePoint point = cheapest.get();
            return new OperatingChoice(point, true, format("threshold %.2f is the cheapest point (%.4f per item) "
                    + "whose overall accuracy lower bound %.4f meets the target %.4f",
                    point.threshold(), point.costPerItem().estimate(), point.overallAccuracy().low(), target));
        }
        CurvePoint top = highestThreshold(curve);
        return new OperatingChoice(top, false, format("no threshold's overall accuracy lower bound meets the "
                + "target %.4f (best %.4f): threshold %.2f sends what the model is not certain of to the crowd",
                target, curve.stream().mapToDouble(point -> point.overallAccuracy().low()).max().orElse(0),
                top.threshold()));
    }

    /** The point with the highest expected overall accuracy whose expected cost is within the budget. */
    public static OperatingChoice forBudget(List<CurvePoint> curve, double budgetPerItem) {
        Optional<CurvePoint> best = curve.stream()
                .filter(point -> point.costPerItem().estimate() <= budgetPerItem + COST_TOLERANCE)
                .max(Comparator.<CurvePoint>comparingDouble(point -> point.overallAccuracy().estimate())
                        .thenComparing(Comparator.<CurvePoint>comparingDouble(
                                point -> point.costPerItem().estimate()).reversed())
                        .thenComparing(HIGHER_THRESHOLD));
        if (best.isPresent()) {
            CurvePoint point = best.get();
            return new OperatingChoice(point, true, format("threshold %.2f has the highest expected accuracy "
                    + "%.4f within the budget %.4f per item (costs %.4f)", point.threshold(),
                    point.overallAccuracy().estimate(), budgetPerItem, point.costPerItem().estimate()));
        }
        CurvePoint cheapest = curve.stream()
                .min(Comparator.<CurvePoint>comparingDouble(point -> point.costPerItem().estimate())
                        .thenComparing(HIGHER_THRESHOLD.reversed()))
                .orElseThrow(() -> new IllegalArgumentException("empty curve"));
        return new OperatingChoice(cheapest, false, format("no threshold fits the budget %.4f per item: "
                + "threshold %.2f is the cheapest (%.4f per item)", budgetPerItem, cheapest.threshold(),
                cheapest.costPerItem().estimate()));
    }

    private static CurvePoint highestThreshold(List<CurvePoint> curve) {
        return curve.stream().max(HIGHER_THRESHOLD).orElseThrow(() -> new IllegalArgumentException("empty curve"));
    }

    private static String format(String template, Object... values) {
        return String.format(Locale.ROOT, template, values);
    }
}
