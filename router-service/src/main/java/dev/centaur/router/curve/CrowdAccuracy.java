package dev.centaur.router.curve;

/**
 * The crowd's accuracy: measured on items whose crowd label can be checked (against gold or an
 * expert), pooled, or assumed when there are none.
 */
public record CrowdAccuracy(Interval accuracy, boolean assumed, long correct, long trials) {

    /** Checked crowd labels of one kind: how many, and how many were right. */
    public record Tally(long trials, long correct) {

        public static final Tally NONE = new Tally(0, 0);

        public Tally {
            if (correct < 0 || correct > trials) {
                throw new IllegalArgumentException(correct + " right of " + trials);
            }
        }

        public Tally plus(Tally other) {
            return new Tally(trials + other.trials, correct + other.correct);
        }
    }

    public static CrowdAccuracy of(long correct, long trials, double assumedAccuracy, double z) {
        if (trials == 0) {
            return new CrowdAccuracy(Interval.exactly(assumedAccuracy), true, 0, 0);
        }
        return new CrowdAccuracy(Wilson.interval(correct, trials, z), false, correct, trials);
    }

    /** All the tallies as one sample (each checked label counts once, whatever checked it). */
    public static CrowdAccuracy pooled(double assumedAccuracy, double z, Tally... tallies) {
        Tally all = Tally.NONE;
        for (Tally tally : tallies) {
            all = all.plus(tally);
        }
        return of(all.correct(), all.trials(), assumedAccuracy, z);
    }
}
