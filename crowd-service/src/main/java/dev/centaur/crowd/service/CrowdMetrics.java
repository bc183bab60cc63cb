package dev.centaur.crowd.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's Prometheus metrics ({@code centaur_crowd_*}). Counters move only when the
 * transaction that did the work commits, so rolled-back requests are not counted.
 */
@Startup
@ApplicationScoped
public class CrowdMetrics {

    private final Counter tasksAssigned;
    private final Counter answersSubmitted;
    private final Counter itemsCompleted;
    private final AtomicLong outboxPending = new AtomicLong();
    private final Timer fits;
    private final AtomicLong evaluationDue = new AtomicLong();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    public CrowdMetrics(MeterRegistry registry) {
        tasksAssigned = Counter.builder("centaur.crowd.tasks.assigned")
                .description("Tasks newly assigned to annotators").register(registry);
        answersSubmitted = Counter.builder("centaur.crowd.answers.submitted")
                .description("Answers stored").register(registry);
        itemsCompleted = Counter.builder("centaur.crowd.items.completed")
                .description("Items that were aggregated and completed").register(registry);
        Gauge.builder("centaur.crowd.outbox.pending", outboxPending, AtomicLong::get)
                .description("Completed items not yet reported to router, as of the last outbox round")
                .register(registry);
        fits = Timer.builder("centaur.crowd.aggregation.fit")
                .description("Fits of a project's aggregation method (one per evaluated batch), window read included")
                .register(registry);
        Gauge.builder("centaur.crowd.evaluation.due", evaluationDue, AtomicLong::get)
                .description("Items waiting for the evaluation worker, as of the end of its last round")
                .register(registry);
    }

    public void taskAssignedOnCommit() {
        onCommit(tasksAssigned);
    }

    public void answerSubmittedOnCommit() {
        onCommit(answersSubmitted);
    }

    public void itemCompletedOnCommit() {
        onCommit(itemsCompleted);
    }

    public void outboxPending(long pending) {
        outboxPending.set(pending);
    }

    /** A fit happened (counted even if its transaction rolls back later: the work was done). */
    public void fitted(long nanos) {
        fits.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void evaluationDue(long due) {
        evaluationDue.set(due);
    }

    private void onCommit(Counter counter) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to prepare: the counter moves after the outcome is known.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }
}
