package dev.centaur.qc.stats;

/**
 * An observed proportion (for QC: correct final labels among reviewed ones) with its confidence
 * interval. With no trials the estimate is 0 and the interval is the uninformative [0, 1].
 */
public record Proportion(long successes, long trials, double estimate, double lower, double upper) {
}
