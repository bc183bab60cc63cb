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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether an item that reached its wanted answers is done. The project's aggregation
 * method is fitted on the project's recent answers (a window of at most
 * {@code centaur.crowd.aggregation.window-answers}, the item's own answers always included),
 * because Dawid-Skene and GLAD learn each worker's reliability across items and cannot judge one
 * item alone; control-task skills enter as worker priors. The item completes when the project
 * has no confidence target, or the posterior of the chosen label reaches it, or the item has
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
     * Aggregates the item (the caller holds its row lock) and completes it or asks for one more
     * answer.
     *
     * @return true when the item completed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean evaluate(Item item, Project project, long itemAnswers) {
        return settle(item, project, itemAnswers, fit(project, item.id));
    }

    /** Re-evaluates the project's open items that have at least {@code overlap} answers (after its settings changed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reevaluateOpenItems(Project project) {
        Fitted fitted = null;
        for (Long itemPk : items.lockOpenItemsWithAnswers(project.projectId, project.overlap)) {
            Item item = items.findById(itemPk);
            if (fitted == null || fitted.index().indexOfItem(item.itemId) < 0) {
                fitted = fit(project, itemPk);
            }
            settle(item, project, answers.countForItem(itemPk), fitted);
        }
    }

    private Fitted fit(Project project, long itemPk) {
        List<WindowAnswer> window = answers.recentAnswersOfProject(project.projectId, itemPk,
                config.aggregation().windowAnswers());
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
        return new Fitted(index, aggregator.fit(index.answers()), aggregator.method());
    }

    private boolean settle(Item item, Project project, long itemAnswers, Fitted fitted) {
        int row = fitted.index().indexOfItem(item.itemId);
        Aggregate aggregate = fitted.aggregate();
        boolean confident = project.confidenceTarget > 0 && aggregate.confidence(row) >= project.confidenceTarget;
        if (project.confidenceTarget > 0 && !confident && itemAnswers < project.effectiveMaxOverlap()) {
            item.extraAnswers = (int) Math.max(item.extraAnswers, itemAnswers + 1 - project.overlap);
            return false;
        }
        Instant now = clock.instant();
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
        entry.createdAt = now;
        outbox.persist(entry);
        metrics.itemCompletedOnCommit();
        return true;
    }
}
