package dev.centaur.qc.service;

/**
 * One stratum of a project's labeled set, (source, sampling rate): labels offered, sampled, and
 * decided by the experts, and how many of those the verdict found right. Control tasks are left
 * out. A null rate stands for labels offered before rates were recorded.
 */
public record StratumTally(
        String projectId,
        FinalLabelSource source,
        Double sampleRate,
        long offered,
        long sampled,
        long decided,
        long correct) {
}
