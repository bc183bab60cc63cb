package dev.centaur.qc.stats;

import java.util.List;

/**
 * The accuracy of a whole labeled set from a sample stratified by source (and sampling rate), with
 * a stratified Wilson interval.
 *
 * <p>Estimate: p = sum of w_h p_h, where w_h = N_h / N is the stratum's share of the offered labels
 * and p_h = x_h / n_h its reviewed accuracy. Variance: V = sum of w_h^2 p_h (1 - p_h) / n_h (no
 * finite-population correction, which makes it slightly conservative). Interval: the Wilson interval
 * of p with the effective sample size n_eff = p (1 - p) / V (the sample size a simple random sample
 * would need for the same variance), capped at the number of reviews n, and n itself when V is 0.
 * The cap gives up the small gain of proportional stratification so that strata that happen to be
 * all right (zero observed variance) cannot make the interval narrower than a simple sample's.
 * With one stratum n_eff = n and this is exactly the Wilson interval.
 *
 * <p>Strata without reviews cannot be estimated: they are left out and the weights are taken over
 * the reviewed strata; {@link StratifiedProportion#reviewedWeight()} says how much that covers.
 */
public final class StratifiedWilson {

    private StratifiedWilson() {
    }

    public static StratifiedProportion of95(List<Stratum> strata) {
        return of(strata, WilsonInterval.Z_95);
    }

    public static StratifiedProportion of(List<Stratum> strata, double z) {
        long offered = 0;
        long reviewedOffered = 0;
        long reviews = 0;
        long correct = 0;
        for (Stratum stratum : strata) {
            offered += stratum.offered();
            if (stratum.reviews() > 0) {
                reviewedOffered += stratum.offered();
                reviews += stratum.reviews();
                correct += stratum.correct();
            }
        }
        if (reviews == 0) {
            return new StratifiedProportion(WilsonInterval.of(0, 0, z), 0.0, 0.0, 0.0);
        }
        double estimate = 0;
        double variance = 0;
        for (Stratum stratum : strata) {
            if (stratum.reviews() == 0) {
                continue;
            }
            double weight = stratum.offered() / (double) reviewedOffered;
            double accuracy = stratum.correct() / (double) stratum.reviews();
            estimate += weight * accuracy;
            variance += weight * weight * accuracy * (1 - accuracy) / stratum.reviews();
        }
        // Rounding must not push a weighted mean of proportions out of [0, 1].
        estimate = Math.min(1.0, Math.max(0.0, estimate));
        double effectiveReviews = variance > 0 ? Math.min(reviews, estimate * (1 - estimate) / variance) : reviews;
        double[] bounds = WilsonInterval.bounds(estimate, effectiveReviews, z);
        Proportion proportion = new Proportion(correct, reviews, estimate, bounds[0], bounds[1]);
        return new StratifiedProportion(proportion, variance, effectiveReviews, reviewedOffered / (double) offered);
    }
}
