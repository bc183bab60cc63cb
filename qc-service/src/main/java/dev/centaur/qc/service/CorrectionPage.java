package dev.centaur.qc.service;

import java.util.List;

/** One page of a project's corrections and where the next page starts. */
public record CorrectionPage(List<Correction> corrections, long nextAfter, boolean hasMore) {
}
