package dev.centaur.qc.stats;

/**
 * A stratified accuracy estimate: the proportion with its interval, the stratified variance, the
 * effective sample size the interval used, and the share of offered labels whose stratum had
 * reviews (the rest are assumed to be like the reviewed strata).
 */
public record StratifiedProportion(Proportion proportion, double variance, double effectiveReviews,
        double reviewedWeight) {
}
