package dev.centaur.inference.service;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Whether this replica is shutting down. On SIGTERM Quarkus reports readiness DOWN and keeps
 * serving for {@code quarkus.shutdown.delay}, then refuses new requests and gives running ones up
 * to {@code quarkus.shutdown.timeout}. Predictions go on meanwhile: a Predict holds its model's
 * lease until every one of its items has come out of the batch queue, so queued and running
 * batches complete before the model is closed; a batch queue closed under a caller fails it with
 * UNAVAILABLE ({@link dev.centaur.inference.batching.BatcherClosedException}), never silently.
 * Training is refused from SIGTERM on: it would rarely finish within the grace period.
 */
@ApplicationScoped
public class ShutdownGate {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);

    private volatile boolean draining;

    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        drain("readiness is DOWN");
    }

    /** Early, before the models are retired. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        drain("the application stops");
    }

    /** True from SIGTERM on: start no training. */
    public boolean draining() {
        return draining;
    }

    private void drain(String why) {
        if (!draining) {
            draining = true;
            LOG.infof("Shutting down (%s): predictions are served until the HTTP server stops; no new training", why);
        }
    }
}
