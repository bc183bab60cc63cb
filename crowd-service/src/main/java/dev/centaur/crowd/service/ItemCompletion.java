package dev.centaur.crowd.service;

import dev.centaur.crowd.aggregation.Aggregate;
import dev.centaur.crowd.aggregation.AnswerIndex;
import dev.centaur.crowd.aggregation.Aggregator;
import dev.centaur.crowd.repository.AnswerRepository;
import dev.centaur.crowd.repository.ItemRepository;
import dev.centaur.crowd.repository.ResultOutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Completes an item: aggregates its answers, stores the result on the item and writes the outbox
 * row that reports it to router, all in the caller's transaction.
 */
@ApplicationScoped
public class ItemCompletion {

    /** Source reported for labels aggregated from answers alone. */
    static final String SOURCE_CROWD = "CROWD";

    @Inject
    AnswerRepository answers;

    @Inject
    ItemRepository items;

    @Inject
    ResultOutboxRepository outbox;

    @Inject
    Aggregator aggregator;

    @Inject
    CrowdMetrics metrics;

    @Inject
    Clock clock;

    /** Aggregates the item's answers; the caller holds the item's row lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Item item, Project project) {
        List<Answer> itemAnswers = answers.listForItem(item.id);
        AnswerIndex index = new AnswerIndex(project.labelList());
        for (Answer answer : itemAnswers) {
            index.add(item.itemId, answer.annotatorId, answer.label);
        }
        if (item.modelProbabilities != null) {
            index.modelDistribution(item.itemId, item.modelProbabilities);
        }
        Aggregate aggregate = aggregator.fit(index.answers());
        int itemIndex = index.indexOfItem(item.itemId);
        Instant now = clock.instant();
        item.resultLabel = project.labels[aggregate.label(itemIndex)];
        item.resultConfidence = aggregate.confidence(itemIndex);
        item.resultMethod = aggregator.method();
        item.resultAnswers = itemAnswers.size();
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
    }

    /** Completes the project's open items that have at least {@code overlap} answers (after the overlap dropped). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeItemsThatReachedOverlap(Project project) {
        for (Long itemPk : items.lockOpenItemsWithAnswers(project.projectId, project.overlap)) {
            complete(items.findById(itemPk), project);
        }
    }
}
