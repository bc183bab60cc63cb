package dev.centaur.qc.service;

import dev.centaur.qc.stats.Proportion;

/**
 * Measured accuracy of final labels from one source (null source: all sources together), with the
 * number of labels offered from it, the stratum's weight.
 */
public record SourceAccuracy(FinalLabelSource source, long offered, Proportion accuracy) {
}
