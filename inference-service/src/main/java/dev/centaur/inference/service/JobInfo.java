package dev.centaur.inference.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A FineTune job, detached from the persistence context (accuracies NaN when unknown). */
public record JobInfo(
        UUID id,
        String requestId,
        String modelName,
        JobState state,
        double progress,
        String message,
        Optional<UUID> versionId,
        boolean activated,
        String activationReason,
        double heldoutAccuracy,
        int heldoutExamples,
        Optional<UUID> comparedVersionId,
        double comparedHeldoutAccuracy,
        boolean force,
        int goldenExamples,
        int expertExamples,
        int crowdExamples,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt) {

    static JobInfo of(FineTuneJobEntity job) {
        return new JobInfo(job.id, job.requestId, job.modelName, JobState.valueOf(job.state), job.progress, job.message,
                Optional.ofNullable(job.versionId), job.activated, job.activationReason, orNaN(job.heldoutAccuracy),
                job.heldoutExamples, Optional.ofNullable(job.comparedVersionId), orNaN(job.comparedHeldoutAccuracy),
                job.force, job.goldenExamples, job.expertExamples, job.crowdExamples, job.createdAt,
                Optional.ofNullable(job.startedAt), Optional.ofNullable(job.finishedAt));
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
