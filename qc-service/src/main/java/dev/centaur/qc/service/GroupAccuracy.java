package dev.centaur.qc.service;

import dev.centaur.qc.stats.Proportion;

/** Measured accuracy of one group of final labels (a label value or a model version). */
public record GroupAccuracy(String group, long offered, Proportion accuracy) {
}
