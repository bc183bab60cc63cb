package dev.centaur.crowd.service;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Whether this replica is shutting down. On SIGTERM Quarkus reports readiness DOWN and keeps
 * serving for {@code quarkus.shutdown.delay}; from then on this replica hands out no new tasks
 * (NextTask answers UNAVAILABLE, so annotators ask another replica) but still takes answers to
 * tasks it handed out, until the HTTP server stops taking requests. Nothing is handed back
 * explicitly: a leased assignment lives in the database, may be answered on any replica, and
 * returns to the pool when its lease ({@code centaur.crowd.lease-duration}) ends unanswered.
 */
@ApplicationScoped
public class ShutdownGate {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);

    private volatile boolean draining;

    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        drain("readiness is DOWN");
    }

    /** Early, so no new task is handed out while the other shutdown observers run. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        drain("the application stops");
    }

    /** True from SIGTERM on: hand out no new work. */
    public boolean draining() {
        return draining;
    }

    private void drain(String why) {
        if (!draining) {
            draining = true;
            LOG.infof("Shutting down (%s): NextTask hands out no new tasks; answers are still taken", why);
        }
    }
}
