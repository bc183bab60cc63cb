package dev.centaur.qc.service;

import dev.centaur.qc.stats.Proportion;
import java.time.Instant;

/** Accuracy over one window of decided reviews, and when its first and last were decided. */
public record DriftWindow(Proportion accuracy, Instant firstDecidedAt, Instant lastDecidedAt) {
}
