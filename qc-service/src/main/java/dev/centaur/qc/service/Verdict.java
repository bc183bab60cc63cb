package dev.centaur.qc.service;

import java.time.Instant;

/** One decided review, for the drift view: which stratum, whether the final label was right, and when. */
public record Verdict(String projectId, FinalLabelSource source, boolean correct, Instant decidedAt) {
}
