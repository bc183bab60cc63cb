package dev.centaur.qc.service;

/** Answered reviews of one project's labels from one source, and how many found them correct. */
public record SourceTally(String projectId, FinalLabelSource source, long reviews, long correct) {
}
