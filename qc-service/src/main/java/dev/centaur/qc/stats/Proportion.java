package dev.centaur.qc.stats;

/**
 * An estimated proportion (for QC: correct final labels among reviewed ones) with its confidence
 * interval. For a simple sample the estimate is successes / trials; for a stratified one it is the
 * weighted estimate, and successes and trials are the raw counts behind it. With no trials the
 * estimate is 0 and the interval is the uninformative [0, 1].
 */
public record Proportion(long successes, long trials, double estimate, double lower, double upper) {
}
