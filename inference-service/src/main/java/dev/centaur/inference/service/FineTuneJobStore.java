package dev.centaur.inference.service;

import dev.centaur.inference.repository.FineTuneJobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The stored FineTune jobs; one transaction per method, so each state change is visible at once. */
@ApplicationScoped
public class FineTuneJobStore {

    /** A job as found or created, and whether it existed already (a retry). */
    public record Submitted(JobInfo job, boolean repeated) {
    }

    private final FineTuneJobRepository jobs;

    public FineTuneJobStore(FineTuneJobRepository jobs) {
        this.jobs = jobs;
    }

    /**
     * Creates a QUEUED job, or finds the one of the same request id.
     *
     * @throws AlreadyExistsException when the request id belongs to a different request
     */
    @Transactional
    public Submitted createOrFind(FineTuneCommand command, String owner) {
        boolean inserted = jobs.insertQueued(UUID.randomUUID(), command.requestId(), command.requestHash(),
                command.training().modelName(), command.force(), command.goldenExamples(), command.expertExamples(),
                command.crowdExamples(), owner);
        FineTuneJobEntity job = jobs.findByRequestId(command.requestId()).orElseThrow();
        if (!inserted && !job.requestHash.equals(command.requestHash())) {
            throw new AlreadyExistsException("request_id '" + command.requestId() + "' was used for a different"
                    + " FineTune request (job " + job.id + ", model_name '" + job.modelName + "'); use a new request_id");
        }
        return new Submitted(JobInfo.of(job), !inserted);
    }

    /** Removes a job that could not be queued (its row must not promise work nobody will do). */
    @Transactional
    public void delete(UUID id) {
        jobs.deleteById(id);
    }

    @Transactional
    public Optional<JobInfo> find(UUID id) {
        return jobs.findByIdOptional(id).map(JobInfo::of);
    }

    /** QUEUED to RUNNING; false when the job is no longer QUEUED (a sweep failed it meanwhile). */
    @Transactional
    public boolean start(UUID id) {
        FineTuneJobEntity job = jobs.findById(id);
        if (job == null || !JobState.QUEUED.name().equals(job.state)) {
            return false;
        }
        job.state = JobState.RUNNING.name();
        job.message = "training";
        job.startedAt = Instant.now();
        job.heartbeatAt = job.startedAt;
        return true;
    }

    @Transactional
    public void progress(UUID id, double progress, String message) {
        jobs.update("progress = ?1, message = ?2, heartbeatAt = current_timestamp where id = ?3 and state = 'RUNNING'",
                progress, message, id);
    }

    /** The outcome of a job whose version was stored. */
    @Transactional
    public JobInfo succeed(UUID id, ModelVersionInfo version, boolean activated, String reason,
            Optional<UUID> comparedVersion, double comparedAccuracy) {
        FineTuneJobEntity job = jobs.findById(id);
        job.state = JobState.SUCCEEDED.name();
        job.progress = 1;
        job.message = activated ? "trained and activated" : "trained, not activated";
        job.versionId = version.id();
        job.activated = activated;
        job.activationReason = reason;
        job.heldoutAccuracy = Double.isNaN(version.heldoutAccuracy()) ? null : version.heldoutAccuracy();
        job.heldoutExamples = version.heldoutExamples();
        job.comparedVersionId = comparedVersion.orElse(null);
        job.comparedHeldoutAccuracy = Double.isNaN(comparedAccuracy) ? null : comparedAccuracy;
        job.finishedAt = Instant.now();
        return JobInfo.of(job);
    }

    @Transactional
    public void fail(UUID id, String message) {
        jobs.update("state = 'FAILED', message = ?1, finishedAt = current_timestamp where id = ?2"
                + " and state in ('QUEUED', 'RUNNING')", message, id);
    }

    @Transactional
    public int heartbeat(String owner) {
        return jobs.heartbeat(owner);
    }

    @Transactional
    public int failStale(Duration staleAfter) {
        return jobs.failStale(staleAfter, "the process running this job stopped (no heartbeat for " + staleAfter.toSeconds()
                + " s); send FineTune again with a new request_id");
    }
}
