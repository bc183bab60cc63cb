package dev.centaur.router.service;

import dev.centaur.crowd.v1.CrowdItem;
import dev.centaur.crowd.v1.CrowdProject;
import dev.centaur.crowd.v1.EnqueueRequest;
import dev.centaur.crowd.v1.UpsertProjectRequest;
import dev.centaur.router.client.CrowdClient;
import dev.centaur.router.client.PeerCallException;
import dev.centaur.router.config.RouterConfig;
import dev.centaur.router.repository.ItemRepository;
import dev.centaur.router.repository.ProjectRepository;
import dev.centaur.router.tracing.ItemTraces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The crowd outbox: pushes each project's settings (UpsertProject) until crowd acknowledges, then
 * enqueues its TO_CROWD items in batches, marking them WITH_CROWD once crowd acknowledged. Items
 * of a project crowd does not know yet are not sent.
 */
@ApplicationScoped
public class CrowdHandoff {

    private static final Logger LOG = Logger.getLogger(CrowdHandoff.class);

    @Inject
    RouterConfig config;

    @Inject
    ProjectRepository projects;

    @Inject
    ItemRepository items;

    @Inject
    CrowdClient crowd;

    @Inject
    ItemTraces traces;

    /** Pushes the settings of due projects; returns how many crowd acknowledged. */
    @Transactional
    public int pushProjectSettings() {
        List<ProjectEntity> due = projects.claimAwaitingCrowdSync(config.crowd().projectBatchSize());
        int pushed = 0;
        boolean crowdDown = false;
        for (ProjectEntity project : due) {
            if (crowdDown) {
                projects.deferCrowdSync(project.projectId, config.outbox().retryBackoff());
                continue;
            }
            try {
                crowd.upsertProject(UpsertProjectRequest.newBuilder().setProject(CrowdProject.newBuilder()
                        .setProjectId(project.projectId)
                        .addAllLabels(project.labelList())
                        .setInstructions(project.instructions)
                        .setOverlap(project.overlap)
                        .setAggregationMethod(project.aggregationMethod)
                        .setMaxOverlap(project.maxOverlap)
                        .setConfidenceTarget(project.confidenceTarget)
                        .setControlRate(project.controlRate)
                        .setMinSkill(project.minSkill)).build());
                project.crowdSynced = true;
                pushed++;
            } catch (PeerCallException e) {
                LOG.warnf("Project %s settings not pushed to crowd, retrying in %s: %s", project.projectId,
                        config.outbox().retryBackoff(), e.getMessage());
                projects.deferCrowdSync(project.projectId, config.outbox().retryBackoff());
                // No point calling a peer that is down once per project: the rest wait too.
                crowdDown = e.kind() == PeerCallException.Kind.UNAVAILABLE;
            }
        }
        return pushed;
    }

    /**
     * Enqueues the next due batch of TO_CROWD items (all of one project).
     *
     * @return true when a batch was acknowledged (there may be more)
     */
    @Transactional
    public boolean enqueueNextBatch() {
        String projectId = items.lockProjectWithItemsForCrowd().orElse(null);
        if (projectId == null) {
            return false;
        }
        List<ItemEntity> batch = items.claimDue(projectId, ItemStatus.TO_CROWD, config.crowd().batchSize());
        // Crowd stores the Enqueue call's context (gRPC metadata) with the items, so its results continue it.
        return traces.inBatchSpan("router enqueue at crowd", projectId, ModelRouting.traceParentsOf(batch),
                () -> enqueueBatch(projectId, batch));
    }

    private boolean enqueueBatch(String projectId, List<ItemEntity> batch) {
        EnqueueRequest.Builder request = EnqueueRequest.newBuilder().setProjectId(projectId);
        for (ItemEntity item : batch) {
            CrowdItem.Builder crowdItem = CrowdItem.newBuilder().setItemId(item.itemId).setContent(item.content());
            if (item.modelProbabilities != null) {
                for (double probability : item.modelProbabilities) {
                    crowdItem.addModelProbabilities(probability);
                }
            }
            request.addItems(crowdItem);
        }
        try {
            crowd.enqueue(request.build());
        } catch (PeerCallException e) {
            if (e.kind() == PeerCallException.Kind.NOT_FOUND) {
                // Crowd lost the project (e.g. its database was reset): push the settings again first.
                projects.markCrowdUnsynced(projectId);
            }
            LOG.warnf("%d items of project %s not enqueued at crowd, retrying in %s: %s", batch.size(), projectId,
                    config.outbox().retryBackoff(), e.getMessage());
            items.deferAttempt(projectId, batch.stream().map(item -> item.itemId).toList(),
                    config.outbox().retryBackoff());
            return false;
        }
        for (ItemEntity item : batch) {
            item.status = ItemStatus.WITH_CROWD;
        }
        return true;
    }
}
