package dev.centaur.router.curve;

/** The Wilson score interval for a proportion: sound for small samples and for 0 or n successes. */
public final class Wilson {

    /** The normal quantile of a two-sided 95% interval. */
    public static final double Z_95 = 1.959963984540054;

    private Wilson() {
    }

    /** successes / trials with its interval; no trials tells nothing: estimate 0 in [0, 1]. */
    public static Interval interval(long successes, long trials, double z) {
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " successes in " + trials + " trials");
        }
        if (trials == 0) {
            return new Interval(0, 0, 1);
        }
        return score(successes / (double) trials, trials, z);
    }

    /**
     * A weighted proportion (successWeight of totalWeight) with the Wilson interval at Kish's
     * effective sample size (sum of weights)^2 / sum of squared weights: with equal weights it is
     * the plain interval, and unequal weights widen it as they lower the information in the sample.
     */
    public static Interval weighted(double successWeight, double totalWeight, double sumOfSquaredWeights, double z) {
        if (!(successWeight >= 0) || !(totalWeight >= 0) || !(sumOfSquaredWeights >= 0)) {
            throw new IllegalArgumentException(successWeight + " of " + totalWeight + " (squares " + sumOfSquaredWeights
                    + ")");
        }
        if (totalWeight == 0) {
            return new Interval(0, 0, 1);
        }
        double proportion = Math.min(1, successWeight / totalWeight);
        return score(proportion, totalWeight * totalWeight / sumOfSquaredWeights, z);
    }

    private static Interval score(double p, double n, double z) {
        double zz = z * z;
        double denominator = 1 + zz / n;
        double centre = (p + zz / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + zz / (4 * n * n)) / denominator;
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
