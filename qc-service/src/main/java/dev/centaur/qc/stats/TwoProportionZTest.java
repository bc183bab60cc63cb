package dev.centaur.qc.stats;

/**
 * One-sided two-proportion z-test of "the later proportion is lower than the earlier one", with the
 * pooled standard error: z = (p_earlier - p_later) / sqrt(p (1 - p) (1/n_earlier + 1/n_later)),
 * p-value = P(Z > z). When the pooled proportion is 0 or 1 the windows cannot differ: z = 0.
 */
public final class TwoProportionZTest {

    /** The test statistic and its one-sided p-value. */
    public record Result(double z, double pValue) {

        /** Whether the later proportion is significantly lower at level {@code alpha}. */
        public boolean isSignificantAt(double alpha) {
            return pValue < alpha;
        }
    }

    private TwoProportionZTest() {
    }

    public static Result laterIsLower(long earlierSuccesses, long earlierTrials, long laterSuccesses,
            long laterTrials) {
        requireCounts(earlierSuccesses, earlierTrials);
        requireCounts(laterSuccesses, laterTrials);
        double pooled = (earlierSuccesses + laterSuccesses) / (double) (earlierTrials + laterTrials);
        double variance = pooled * (1 - pooled) * (1.0 / earlierTrials + 1.0 / laterTrials);
        double z = variance > 0
                ? (earlierSuccesses / (double) earlierTrials - laterSuccesses / (double) laterTrials)
                        / Math.sqrt(variance)
                : 0.0;
        return new Result(z, NormalDistribution.upperTail(z));
    }

    private static void requireCounts(long successes, long trials) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials > 0, got " + successes
                    + " of " + trials);
        }
    }
}
