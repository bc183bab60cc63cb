package dev.centaur.crowd.service;

import dev.centaur.crowd.aggregation.Aggregate;
import dev.centaur.crowd.aggregation.AnswerIndex;
import dev.centaur.crowd.aggregation.Aggregator;
import dev.centaur.crowd.aggregation.Aggregators;
import dev.centaur.crowd.config.CrowdConfig;
import dev.centaur.crowd.repository.AnswerRepository;
import dev.centaur.crowd.repository.AnswerRepository.WindowAnswer;
import dev.centaur.crowd.repository.ItemRepository;
import dev.centaur.crowd.repository.ResultOutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether items that reached their wanted answers are done. The project's aggregation
 * method is fitted once for a batch of items on the project's recent answers (a window of at most
 * {@code centaur.crowd.aggregation.window-answers}, the batch's own answers always included),
 * because Dawid-Skene and GLAD learn each worker's reliability across items and cannot judge one
 * item alone; control-task skills enter as worker priors. An item completes when the project has
 * no confidence target, or the posterior of the chosen label reaches it, or the item has
 * max_overlap answers; otherwise it wants one more answer. Completing stores the aggregate on the
 * item and writes the outbox row that reports it to router, in the caller's transaction.
 */
@ApplicationScoped
public class ItemCompletion {

    /** Source reported for labels aggregated from answers alone. */
    static final String SOURCE_CROWD = "CROWD";

    /** A fitted aggregate and the index that maps item ids to its rows. */
    record Fitted(AnswerIndex index, Aggregate aggregate, String method) {
    }

    /** What settling a batch of due items did: completed, asked for one more answer, or only un-marked. */
    public record Settled(int completed, int wantMore, int unmarked) {
    }

    @Inject
    AnswerRepository answers;

    @Inject
    ItemRepository items;

    @Inject
    ResultOutboxRepository outbox;

    @Inject
    SkillService skills;

    @Inject
    CrowdConfig config;

    @Inject
    CrowdMetrics metrics;

    @Inject
    Clock clock;

    /**
     * Settles the project's due items, whose row locks the caller holds, with one fit: each item
     * that still has the answers it wants completes or asks for one more answer. Items that no
     * longer want an evaluation (completed meanwhile, or answers discarded by a suspension) are only
     * un-marked. Every item leaves the due state.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Settled settleDue(Project project, List<Long> itemPks) {
        Map<Long, Long> counts = answers.countForItems(itemPks);
        Map<Long, Item> claimed = items.byKeys(itemPks);
        List<Item> ready = new ArrayList<>();
        for (Long itemPk : itemPks) {
            Item item = claimed.get(itemPk);
            if (item.isCompleted() || item.isControl()
                    || counts.getOrDefault(itemPk, 0L) < project.overlap + item.extraAnswers) {
                item.evaluationDueAt = null;
            } else {
                ready.add(item);
            }
        }
        int completed = settleAll(project, ready, counts);
        return new Settled(completed, ready.size() - completed, itemPks.size() - ready.size());
    }

    /**
     * Re-evaluates the project's open items that have at least {@code overlap} answers (after its
     * settings changed), one fit per batch of {@code centaur.crowd.evaluation.batch-size} items.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reevaluateOpenItems(Project project) {
        List<Long> open = items.lockOpenItemsWithAnswers(project.projectId, project.overlap);
        int batchSize = config.evaluation().batchSize();
        for (int from = 0; from < open.size(); from += batchSize) {
            List<Long> batch = open.subList(from, Math.min(open.size(), from + batchSize));
            Map<Long, Item> locked = items.byKeys(batch);
            settleAll(project, batch.stream().map(locked::get).toList(), answers.countForItems(batch));
        }
    }

    /** One fit for all the items, then each completes or wants one more answer; returns how many completed. */
    private int settleAll(Project project, List<Item> ready, Map<Long, Long> counts) {
        if (ready.isEmpty()) {
            return 0;
        }
        Fitted fitted = fit(project, ready.stream().map(item -> item.id).toList());
        int completed = 0;
        for (Item item : ready) {
            completed += settle(item, project, counts.getOrDefault(item.id, 0L), fitted) ? 1 : 0;
        }
        return completed;
    }

    private Fitted fit(Project project, List<Long> evaluatedPks) {
        long started = System.nanoTime();
        List<WindowAnswer> window = window(project.projectId, evaluatedPks);
        AnswerIndex index = new AnswerIndex(project.labelList());
        Set<Long> itemPks = new LinkedHashSet<>();
        Map<Long, String> itemIds = new HashMap<>();
        for (WindowAnswer answer : window) {
            index.add(answer.itemId(), answer.annotatorId(), answer.label());
            itemPks.add(answer.itemPk());
            itemIds.put(answer.itemPk(), answer.itemId());
        }
        items.modelDistributions(itemPks).forEach((pk, distribution) -> index.modelDistribution(itemIds.get(pk),
                distribution));
        skills.skillsOf(project.projectId).forEach(index::workerSkill);
        Aggregator aggregator = Aggregators.byMethod(project.aggregationMethod);
        Fitted fitted = new Fitted(index, aggregator.fit(index.answers()), aggregator.method());
        metrics.fitted(System.nanoTime() - started);
        return fitted;
    }

    /**
     * The answers the fit reads: every answer of the evaluated items, then the project's most
     * recent other answers up to the window. A project within the window is read whole, unsorted.
     */
    private List<WindowAnswer> window(String projectId, List<Long> evaluatedPks) {
        int windowAnswers = config.aggregation().windowAnswers();
        if (answers.countForProject(projectId) <= windowAnswers) {
            return answers.allAnswersOfProject(projectId);
        }
        List<WindowAnswer> window = new ArrayList<>(answers.answersOfItems(evaluatedPks));
        Set<Long> evaluated = new HashSet<>(evaluatedPks);
        // The newest windowAnswers answers hold at least windowAnswers - |evaluated answers| others.
        for (WindowAnswer answer : answers.recentAnswersOfProject(projectId, windowAnswers)) {
            if (window.size() >= windowAnswers) {
                break;
            }
            if (!evaluated.contains(answer.itemPk())) {
                window.add(answer);
            }
        }
        return window;
    }

    private boolean settle(Item item, Project project, long itemAnswers, Fitted fitted) {
        int row = fitted.index().indexOfItem(item.itemId);
        Aggregate aggregate = fitted.aggregate();
        boolean confident = project.confidenceTarget > 0 && aggregate.confidence(row) >= project.confidenceTarget;
        if (project.confidenceTarget > 0 && !confident && itemAnswers < project.effectiveMaxOverlap()) {
            item.extraAnswers = (int) Math.max(item.extraAnswers, itemAnswers + 1 - project.overlap);
            item.evaluationDueAt = null;
            return false;
        }
        Instant now = clock.instant();
        item.evaluationDueAt = null;
        item.resultLabel = project.labels[aggregate.label(row)];
        item.resultConfidence = aggregate.confidence(row);
        item.resultMethod = fitted.method();
        item.resultAnswers = Math.toIntExact(itemAnswers);
        item.completedAt = now;

        ResultOutboxEntry entry = new ResultOutboxEntry();
        entry.projectId = item.projectId;
        entry.itemId = item.itemId;
        entry.label = item.resultLabel;
        entry.confidence = item.resultConfidence;
        entry.answersUsed = item.resultAnswers;
        entry.method = item.resultMethod;
        entry.source = SOURCE_CROWD;
        entry.traceParent = item.traceParent;
        entry.createdAt = now;
        outbox.persist(entry);
        metrics.itemCompletedOnCommit();
        return true;
    }
}
