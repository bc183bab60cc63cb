package dev.centaur.qc.service;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Whether this replica is shutting down. On SIGTERM Quarkus reports readiness DOWN and keeps
 * serving for {@code quarkus.shutdown.delay}; from then on this replica leases no new reviews
 * (NextReview answers UNAVAILABLE, so experts ask another replica) but still takes verdicts on
 * reviews it leased, and Offers from router, until the HTTP server stops taking requests. A leased
 * review lives in the database: it may be answered on any replica and is offered again when its
 * lease ({@code centaur.qc.lease}) ends unanswered. Pending threshold raises stay in their table.
 */
@ApplicationScoped
public class ShutdownGate {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);

    private volatile boolean draining;

    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        drain("readiness is DOWN");
    }

    /** Early, so no review is leased while the other shutdown observers run. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        drain("the application stops");
    }

    /** True from SIGTERM on: lease no new reviews. */
    public boolean draining() {
        return draining;
    }

    private void drain(String why) {
        if (!draining) {
            draining = true;
            LOG.infof("Shutting down (%s): NextReview leases no new reviews; verdicts and offers are still taken", why);
        }
    }
}
