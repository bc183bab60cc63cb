package dev.centaur.qc.stats;

/**
 * Wilson score interval for a binomial proportion. Unlike the normal (Wald) interval it stays
 * inside [0, 1] and does not collapse to a point at 0/n or n/n, which matters for QC samples that
 * are small and often all correct.
 */
public final class WilsonInterval {

    /** Two-sided 95% normal quantile. */
    public static final double Z_95 = 1.959963984540054;

    private WilsonInterval() {
    }

    /** The 95% interval for {@code successes} out of {@code trials}. */
    public static Proportion of95(long successes, long trials) {
        return of(successes, trials, Z_95);
    }

    public static Proportion of(long successes, long trials, double z) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(
                    "need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
        requirePositive(z);
        if (trials == 0) {
            return new Proportion(0, 0, 0.0, 0.0, 1.0);
        }
        double p = successes / (double) trials;
        double[] bounds = bounds(p, trials, z);
        return new Proportion(successes, trials, p, bounds[0], bounds[1]);
    }

    /**
     * The Wilson bounds for an estimate {@code p} from {@code n} trials, where n may be an effective
     * (non-integer) sample size, as in {@link StratifiedWilson}.
     */
    static double[] bounds(double p, double n, double z) {
        requirePositive(z);
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double halfWidth = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // At 0/n and n/n the bound is exactly 0 or 1; rounding must not push it past.
        double lower = p == 0 ? 0.0 : Math.max(0.0, centre - halfWidth);
        double upper = p == 1 ? 1.0 : Math.min(1.0, centre + halfWidth);
        return new double[] {lower, upper};
    }

    private static void requirePositive(double z) {
        if (!(z > 0)) {
            throw new IllegalArgumentException("z must be positive, got " + z);
        }
    }
}
