package dev.centaur.router.service;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Whether this replica is shutting down. On SIGTERM Quarkus reports readiness DOWN and keeps
 * serving for {@code quarkus.shutdown.delay}, then refuses new requests and lets running ones
 * finish. The background workers stop between batches when the application stops ({@link Workers}),
 * and Quartz waits for a run to finish its batch (application.properties), so every batch either
 * commits or was never started; what is left stays due in the outbox tables for any replica.
 */
@ApplicationScoped
public class ShutdownGate {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);

    private volatile boolean draining;

    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        drain("readiness is DOWN");
    }

    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        drain("the application stops");
    }

    /** True from SIGTERM on. */
    public boolean draining() {
        return draining;
    }

    private void drain(String why) {
        if (!draining) {
            draining = true;
            LOG.infof("Shutting down (%s): requests are served until the HTTP server stops; workers finish their batch", why);
        }
    }
}
