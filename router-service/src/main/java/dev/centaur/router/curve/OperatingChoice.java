package dev.centaur.router.curve;

/** The point a policy mode picks; satisfied is false when no point meets the mode's condition. */
public record OperatingChoice(CurvePoint point, boolean satisfied, String explanation) {

    public double threshold() {
        return point.threshold();
    }
}
