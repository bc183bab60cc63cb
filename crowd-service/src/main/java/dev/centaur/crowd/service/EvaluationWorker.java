package dev.centaur.crowd.service;

import dev.centaur.crowd.config.CrowdConfig;
import dev.centaur.crowd.repository.ItemRepository;
import dev.centaur.crowd.repository.ProjectRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The evaluation worker: aggregates the items SubmitAnswer marked due, so that the project's
 * method is fitted once per batch of a project's due items instead of once per answer, outside the
 * annotators' requests. Each batch is one transaction that claims the items with SKIP LOCKED, so
 * several replicas share the work without settling an item twice; a crash or a failed batch leaves
 * the items due for the next round, and the due state lives only in the database, so a restarted
 * service picks it up.
 */
@ApplicationScoped
public class EvaluationWorker {

    /** Identity of the scheduled round, to pause or resume it. */
    public static final String IDENTITY = "crowd-item-evaluation";

    private static final Logger LOG = Logger.getLogger(EvaluationWorker.class);

    /** What one round did, summed over its batches. */
    public record RoundOutcome(int batches, int completed, int wantMore, int unmarked) {

        RoundOutcome plus(ItemCompletion.Settled batch) {
            return new RoundOutcome(batches + 1, completed + batch.completed(), wantMore + batch.wantMore(),
                    unmarked + batch.unmarked());
        }
    }

    @Inject
    ItemRepository items;

    @Inject
    ProjectRepository projects;

    @Inject
    ItemCompletion completion;

    @Inject
    CrowdConfig config;

    @Inject
    CrowdMetrics metrics;

    @Scheduled(identity = IDENTITY, every = "${centaur.crowd.evaluation.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evaluationRound() {
        if (!config.evaluation().enabled()) {
            return;
        }
        try {
            evaluateDue();
        } catch (RuntimeException e) {
            // The database is unreachable or the service is stopping; the items stay due for the next round.
            LOG.warnf("Evaluation round failed: %s", e.toString());
        }
    }

    /**
     * Settles the due items of every project, a batch of at most
     * {@code centaur.crowd.evaluation.batch-size} per transaction and fit, until none is left that
     * another worker does not hold.
     */
    public RoundOutcome evaluateDue() {
        RoundOutcome outcome = new RoundOutcome(0, 0, 0, 0);
        for (String projectId : QuarkusTransaction.requiringNew().call(items::projectsWithDueItems)) {
            try {
                outcome = evaluateProject(projectId, outcome);
            } catch (RuntimeException e) {
                // This project's batch rolled back and stays due; the other projects go on.
                LOG.warnf("Could not evaluate the due items of project %s: %s", projectId, e.toString());
            }
        }
        metrics.evaluationDue(QuarkusTransaction.requiringNew().call(items::countDue));
        return outcome;
    }

    private RoundOutcome evaluateProject(String projectId, RoundOutcome outcome) {
        while (true) {
            ItemCompletion.Settled batch = QuarkusTransaction.requiringNew().call(() -> evaluateBatch(projectId));
            if (batch == null) {
                return outcome;
            }
            outcome = outcome.plus(batch);
            if (batch.completed() + batch.wantMore() + batch.unmarked() < config.evaluation().batchSize()) {
                return outcome;
            }
        }
    }

    /** Claims and settles one batch of the project's due items; null when there was none to claim. */
    private ItemCompletion.Settled evaluateBatch(String projectId) {
        List<Long> claimed = items.claimDueItems(projectId, config.evaluation().batchSize());
        if (claimed.isEmpty()) {
            return null;
        }
        return completion.settleDue(projects.findById(projectId), claimed);
    }
}
