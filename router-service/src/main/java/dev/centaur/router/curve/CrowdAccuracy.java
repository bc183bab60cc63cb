package dev.centaur.router.curve;

/** The crowd's accuracy: measured on items with both a crowd and a gold label, or assumed. */
public record CrowdAccuracy(Interval accuracy, boolean assumed, long correct, long pairs) {

    public static CrowdAccuracy of(long correct, long pairs, double assumedAccuracy, double z) {
        if (pairs == 0) {
            return new CrowdAccuracy(Interval.exactly(assumedAccuracy), true, 0, 0);
        }
        return new CrowdAccuracy(Wilson.interval(correct, pairs, z), false, correct, pairs);
    }
}
