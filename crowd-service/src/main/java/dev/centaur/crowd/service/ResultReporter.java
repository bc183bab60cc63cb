package dev.centaur.crowd.service;

import dev.centaur.crowd.client.CrowdResultReport;
import dev.centaur.crowd.client.RouterClient;
import dev.centaur.crowd.client.RouterRejectedException;
import dev.centaur.crowd.client.RouterUnavailableException;
import dev.centaur.crowd.config.CrowdConfig;
import dev.centaur.crowd.repository.ResultOutboxRepository;
import dev.centaur.crowd.tracing.ItemTraces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The outbox worker: sends completed items' aggregates to router and marks them reported. A row
 * router cannot take now stays for the next round, so a crash or an outage loses nothing.
 */
@ApplicationScoped
public class ResultReporter {

    private static final Logger LOG = Logger.getLogger(ResultReporter.class);

    /** What one batch did: rows reported, the last row looked at, and the first failure, if any. */
    record BatchOutcome(int size, int reported, long lastId, RuntimeException failure, boolean routerDown) {
    }

    @Inject
    ResultOutboxRepository outbox;

    @Inject
    RouterClient router;

    @Inject
    CrowdConfig config;

    @Inject
    CrowdMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    ItemTraces traces;

    @Scheduled(identity = "crowd-result-reporter", every = "${centaur.crowd.report.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reportRound() {
        try {
            reportPending();
        } catch (RuntimeException e) {
            // The database is unreachable or the service is stopping; the next round tries again.
            LOG.warnf("Outbox round failed: %s", e.toString());
        }
    }

    /**
     * Sends every pending result, a batch per transaction, and returns how many were reported.
     * Stops the round at the first sign that router is down; logs failures once per round.
     */
    public int reportPending() {
        int reported = 0;
        int failed = 0;
        RuntimeException firstFailure = null;
        long afterId = 0;
        while (true) {
            long from = afterId;
            BatchOutcome batch = QuarkusTransaction.requiringNew().call(() -> reportBatch(from));
            reported += batch.reported();
            failed += batch.size() - batch.reported();
            if (firstFailure == null) {
                firstFailure = batch.failure();
            }
            afterId = batch.lastId();
            if (batch.routerDown() || batch.size() < config.report().batchSize()) {
                break;
            }
        }
        long pending = QuarkusTransaction.requiringNew().call(outbox::countPending);
        metrics.outboxPending(pending);
        if (firstFailure != null) {
            LOG.warnf("Could not report %d crowd result(s) to router this round (%d reported, %d pending); "
                    + "retrying next round. First failure: %s", failed, reported, pending, firstFailure.getMessage());
        }
        return reported;
    }

    private BatchOutcome reportBatch(long afterId) {
        List<ResultOutboxEntry> entries = outbox.lockPendingAfter(afterId, config.report().batchSize());
        int reported = 0;
        long lastId = afterId;
        RuntimeException failure = null;
        for (ResultOutboxEntry entry : entries) {
            try {
                // In the item's trace, so router's final label continues the trace of its SubmitItems call.
                traces.inItemSpan("crowd report result", entry.projectId, entry.itemId, entry.traceParent,
                        () -> router.reportCrowdResult(new CrowdResultReport(entry.projectId, entry.itemId,
                                entry.label, entry.confidence, entry.answersUsed, entry.method, entry.source)));
                entry.reportedAt = clock.instant();
                reported++;
            } catch (RouterUnavailableException e) {
                // Router is down: the rest of the batch would fail the same way after a full deadline each.
                return new BatchOutcome(entries.size(), reported, lastId, e, true);
            } catch (RouterRejectedException e) {
                // Only this row is refused; it stays pending and the others go on.
                failure = failure == null ? e : failure;
            }
            lastId = entry.id;
        }
        return new BatchOutcome(entries.size(), reported, lastId, failure, false);
    }
}
