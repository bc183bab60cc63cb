package dev.centaur.router.curve;

/** An estimate with its 95% interval. */
public record Interval(double estimate, double low, double high) {

    /** A value taken as given (an assumption): its interval is the value itself. */
    public static Interval exactly(double value) {
        return new Interval(value, value, value);
    }
}
