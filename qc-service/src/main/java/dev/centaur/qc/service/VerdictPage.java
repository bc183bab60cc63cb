package dev.centaur.qc.service;

import java.util.List;

/** One page of a project's decided verdicts and where the next page starts. */
public record VerdictPage(List<DecidedVerdict> verdicts, long nextAfter, boolean hasMore) {
}
