package dev.centaur.router.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * The background workers. Each run drains its queue batch by batch and stops at the first batch
 * that has to wait; runs of one worker never overlap on a replica, and replicas share the queues
 * through SKIP LOCKED claims.
 */
@ApplicationScoped
public class Workers {

    private static final Logger LOG = Logger.getLogger(Workers.class);

    @Inject
    ModelRouting routing;

    @Inject
    CrowdHandoff crowdHandoff;

    @Inject
    QcHandoff qcHandoff;

    @Inject
    RouterMetrics metrics;

    @Scheduled(identity = "route-items", every = "{centaur.router.routing.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void routeItems() {
        drain("routing", routing::routeNextBatch);
    }

    @Scheduled(identity = "hand-off-to-crowd", every = "{centaur.router.outbox.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void handOffToCrowd() {
        try {
            crowdHandoff.pushProjectSettings();
        } catch (RuntimeException e) {
            LOG.error("Pushing project settings to crowd failed", e);
        }
        drain("crowd hand-off", crowdHandoff::enqueueNextBatch);
    }

    @Scheduled(identity = "hand-off-to-qc", every = "{centaur.router.outbox.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void handOffToQc() {
        drain("qc hand-off", qcHandoff::offerNextBatch);
    }

    @Scheduled(identity = "count-backlog", every = "{centaur.router.metrics.backlog-refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void countBacklog() {
        try {
            metrics.refreshBacklog();
        } catch (RuntimeException e) {
            LOG.error("Counting the outbox backlog failed", e);
        }
    }

    private static void drain(String worker, BooleanSupplier nextBatch) {
        try {
            while (nextBatch.getAsBoolean()) {
                // Each call handles one batch in its own transaction.
            }
        } catch (RuntimeException e) {
            // The batch's transaction was rolled back; its rows are due again on the next run.
            LOG.errorf(e, "The %s worker failed", worker);
        }
    }
}
