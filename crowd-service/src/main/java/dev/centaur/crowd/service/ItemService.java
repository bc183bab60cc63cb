package dev.centaur.crowd.service;

import dev.centaur.crowd.repository.AnswerRepository;
import dev.centaur.crowd.repository.ItemRepository;
import dev.centaur.crowd.tracing.ItemTraces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The task pool: items router sends to the crowd, and their results. */
@ApplicationScoped
public class ItemService {

    /** Outcome of an Enqueue: items added, and items the pool already had. */
    public record EnqueueOutcome(int enqueued, int duplicates) {
    }

    /** Outcome of an UploadControlItems: control items added, and repeats of ones already there. */
    public record UploadOutcome(int uploaded, int duplicates) {
    }

    /** An item's state: its answers so far and, once completed, the item carries the aggregate. */
    public record ItemState(Item item, long answers) {
    }

    @Inject
    ItemRepository items;

    @Inject
    AnswerRepository answers;

    @Inject
    ProjectService projects;

    @Inject
    Clock clock;

    /**
     * Adds the items to the project's pool. Every item is checked against the project before the
     * first is written, and the whole call is one transaction. A repeated (project, item) changes
     * nothing and counts as a duplicate.
     */
    @Transactional
    public EnqueueOutcome enqueue(String projectId, List<NewItem> newItems) {
        Project project = projects.require(projectId);
        for (int i = 0; i < newItems.size(); i++) {
            double[] probabilities = newItems.get(i).modelProbabilities();
            if (probabilities != null && probabilities.length != project.labels.length) {
                throw CrowdException.invalidArgument("items[" + i + "].model_probabilities has " + probabilities.length
                        + " values but project " + projectId + " has " + project.labels.length + " labels "
                        + project.labelList());
            }
        }
        Instant now = clock.instant();
        String traceParent = ItemTraces.currentTraceParent();
        int enqueued = 0;
        for (NewItem newItem : newItems) {
            Item item = new Item();
            item.projectId = projectId;
            item.itemId = newItem.itemId();
            item.text = newItem.text();
            item.textA = newItem.textA();
            item.textB = newItem.textB();
            item.modelProbabilities = newItem.modelProbabilities();
            item.enqueuedAt = now;
            // The Enqueue call's context, propagated by router in the gRPC metadata.
            item.traceParent = traceParent;
            if (items.insertIfAbsent(item)) {
                enqueued++;
            }
        }
        return new EnqueueOutcome(enqueued, newItems.size() - enqueued);
    }

    /**
     * Adds control items (with their known labels) to the project, in one transaction. Every label
     * is checked first; a repeat with the same label is a duplicate, while an id already used by
     * an ordinary item or by a control item with another label is ALREADY_EXISTS, and the whole
     * call writes nothing.
     *
     * @param controlLabels the known label of each item, in the order of {@code newItems}
     */
    @Transactional
    public UploadOutcome uploadControlItems(String projectId, List<NewItem> newItems, List<String> controlLabels) {
        Project project = projects.require(projectId);
        for (int i = 0; i < controlLabels.size(); i++) {
            if (!project.labelList().contains(controlLabels.get(i))) {
                throw CrowdException.invalidArgument("items[" + i + "].label '" + controlLabels.get(i)
                        + "' is not one of project " + projectId + "'s labels " + project.labelList());
            }
        }
        Instant now = clock.instant();
        int uploaded = 0;
        for (int i = 0; i < newItems.size(); i++) {
            NewItem newItem = newItems.get(i);
            Item item = new Item();
            item.projectId = projectId;
            item.itemId = newItem.itemId();
            item.text = newItem.text();
            item.textA = newItem.textA();
            item.textB = newItem.textB();
            item.controlLabel = controlLabels.get(i);
            item.enqueuedAt = now;
            if (items.insertIfAbsent(item)) {
                uploaded++;
                continue;
            }
            Item existing = items.findByProjectAndItemId(projectId, newItem.itemId()).orElseThrow();
            if (!controlLabels.get(i).equals(existing.controlLabel)) {
                throw CrowdException.alreadyExists("items[" + i + "].item_id '" + newItem.itemId()
                        + "' already exists in project " + projectId + (existing.isControl()
                                ? " as a control item labelled '" + existing.controlLabel + "'"
                                : " as an ordinary item"));
            }
        }
        return new UploadOutcome(uploaded, newItems.size() - uploaded);
    }

    /** The item's answers so far and its aggregate; NOT_FOUND for an unknown project or item. */
    @Transactional
    public ItemState state(String projectId, String itemId) {
        projects.require(projectId);
        Item item = items.findByProjectAndItemId(projectId, itemId).orElseThrow(() -> CrowdException.notFound(
                "item_id '" + itemId + "' not found in project " + projectId));
        return new ItemState(item, answers.countForItem(item.id));
    }
}
