package dev.centaur.router.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * The background workers. Each run drains its queue batch by batch and stops at the first batch
 * that has to wait; runs of one worker never overlap on a replica, and replicas share the queues
 * through SKIP LOCKED claims. Quartz runs them, since intervals may be under a second.
 */
@ApplicationScoped
public class Workers {

    private static final Logger LOG = Logger.getLogger(Workers.class);

    @Inject
    ModelRouting routing;

    @Inject
    CrowdHandoff crowdHandoff;

    @Inject
    GoldenProbeHandoff probeHandoff;

    @Inject
    QcHandoff qcHandoff;

    @Inject
    GoldenPrediction goldenPrediction;

    @Inject
    CurveService curves;

    @Inject
    CorrectionPuller corrections;

    @Inject
    CrowdVerdictSender crowdVerdicts;

    @Inject
    VerdictPuller qcVerdicts;

    @Inject
    RouterMetrics metrics;

    /** Set when the application stops: runs in progress end after their current batch. */
    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(identity = "route-items", every = "{centaur.router.routing.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void routeItems() {
        drain("routing", routing::routeNextBatch);
    }

    @Scheduled(identity = "predict-golden-items", every = "{centaur.router.routing.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void predictGoldenItems() {
        drain("golden prediction", goldenPrediction::predictNextBatch);
    }

    @Scheduled(identity = "recompute-operating-points", every = "{centaur.router.curve.recompute-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void recomputeOperatingPoints() {
        drain("operating point", curves::recomputeNextStale);
    }

    @Scheduled(identity = "hand-off-to-crowd", every = "{centaur.router.outbox.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void handOffToCrowd() {
        try {
            crowdHandoff.pushProjectSettings();
        } catch (RuntimeException e) {
            logFailure("crowd settings", e);
        }
        drain("crowd hand-off", crowdHandoff::enqueueNextBatch);
        try {
            probeHandoff.addNewProbes();
        } catch (RuntimeException e) {
            logFailure("golden probe selection", e);
        }
        drain("golden probe hand-off", probeHandoff::enqueueNextBatch);
    }

    @Scheduled(identity = "hand-off-to-qc", every = "{centaur.router.outbox.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void handOffToQc() {
        drain("qc hand-off", qcHandoff::offerNextBatch);
    }

    @Scheduled(identity = "pull-qc-corrections", every = "{centaur.router.corrections.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pullQcCorrections() {
        try {
            corrections.addNewProjects();
        } catch (RuntimeException e) {
            logFailure("qc corrections cursors", e);
        }
        Instant runStart = Instant.now();
        drain("qc corrections", () -> corrections.pullNextPage(runStart));
    }

    @Scheduled(identity = "pull-qc-verdicts", every = "{centaur.router.verdicts.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pullQcVerdicts() {
        try {
            qcVerdicts.addNewProjects();
        } catch (RuntimeException e) {
            logFailure("qc verdicts cursors", e);
        }
        Instant runStart = Instant.now();
        drain("qc verdicts", () -> qcVerdicts.pullNextPage(runStart));
    }

    @Scheduled(identity = "send-expert-verdicts-to-crowd", every = "{centaur.router.outbox.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendExpertVerdictsToCrowd() {
        drain("expert verdicts to crowd", crowdVerdicts::sendNext);
    }

    @Scheduled(identity = "count-backlog", every = "{centaur.router.metrics.backlog-refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void countBacklog() {
        try {
            metrics.refreshBacklog();
        } catch (RuntimeException e) {
            logFailure("backlog count", e);
        }
    }

    private void drain(String worker, BooleanSupplier nextBatch) {
        try {
            // Each call handles one batch in its own transaction and says whether there may be more.
            boolean more = true;
            while (more && !stopping) {
                more = nextBatch.getAsBoolean();
            }
        } catch (RuntimeException e) {
            // The batch's transaction was rolled back; its rows are due again on the next run.
            logFailure(worker, e);
        }
    }

    /** A failure while the application stops (database already closed) is expected, not an error. */
    private void logFailure(String worker, RuntimeException e) {
        if (stopping) {
            LOG.debugf(e, "The %s worker stopped with the application", worker);
        } else {
            LOG.errorf(e, "The %s worker failed", worker);
        }
    }
}
