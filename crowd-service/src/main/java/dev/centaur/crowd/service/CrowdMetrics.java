package dev.centaur.crowd.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
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

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    public CrowdMetrics(MeterRegistry registry) {
        tasksAssigned = Counter.builder("centaur.crowd.tasks.assigned")
                .description("Tasks newly assigned to annotators").register(registry);
        answersSubmitted = Counter.builder("centaur.crowd.answers.submitted")
                .description("Answers stored").register(registry);
        itemsCompleted = Counter.builder("centaur.crowd.items.completed")
                .description("Items that reached their overlap and were aggregated").register(registry);
        Gauge.builder("centaur.crowd.outbox.pending", outboxPending, AtomicLong::get)
                .description("Completed items not yet reported to router, as of the last outbox round")
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
