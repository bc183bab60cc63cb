package dev.centaur.router.service;

import dev.centaur.crowd.v1.CrowdItem;
import dev.centaur.crowd.v1.EnqueueRequest;
import dev.centaur.router.client.CrowdClient;
import dev.centaur.router.client.PeerCallException;
import dev.centaur.router.config.RouterConfig;
import dev.centaur.router.repository.GoldenItemRepository;
import dev.centaur.router.repository.GoldenProbeRepository;
import dev.centaur.router.repository.GoldenProbeRepository.DueProbe;
import dev.centaur.router.repository.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends golden probes to the crowd like ordinary items (with the model's distribution, under an id
 * of their own), so the crowd's accuracy is measured against gold; the share per project is the
 * policy's golden_crowd_share of the held-out items, once they are predicted.
 */
@ApplicationScoped
public class GoldenProbeHandoff {

    private static final Logger LOG = Logger.getLogger(GoldenProbeHandoff.class);

    @Inject
    RouterConfig config;

    @Inject
    ProjectRepository projects;

    @Inject
    GoldenItemRepository golden;

    @Inject
    GoldenProbeRepository probes;

    @Inject
    CrowdClient crowd;

    /** Turns newly eligible held-out golden items into probes; answers how many. */
    @Transactional
    public int addNewProbes() {
        return probes.addNewProbes();
    }

    /**
     * Enqueues the next due batch of probes (all of one project crowd knows).
     *
     * @return true when a batch was acknowledged (there may be more)
     */
    @Transactional
    public boolean enqueueNextBatch() {
        String projectId = probes.lockProjectWithProbesForCrowd().orElse(null);
        if (projectId == null) {
            return false;
        }
        List<DueProbe> batch = probes.claimDue(projectId, config.crowd().batchSize());
        List<String> itemIds = batch.stream().map(DueProbe::itemId).toList();
        Map<String, GoldenItemEntity> goldenById = golden.list("projectId = ?1 and itemId in ?2", projectId, itemIds)
                .stream().collect(Collectors.toMap(item -> item.itemId, Function.identity()));
        EnqueueRequest.Builder request = EnqueueRequest.newBuilder().setProjectId(projectId);
        for (DueProbe probe : batch) {
            GoldenItemEntity item = goldenById.get(probe.itemId());
            CrowdItem.Builder crowdItem = CrowdItem.newBuilder().setItemId(probe.crowdItemId())
                    .setContent(item.content());
            // Like an ordinary item: the model's distribution goes along (a new version may have dropped it).
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
                projects.markCrowdUnsynced(projectId);
            }
            LOG.warnf("%d golden probes of project %s not enqueued at crowd, retrying in %s: %s", batch.size(),
                    projectId, config.outbox().retryBackoff(), e.getMessage());
            probes.deferAttempt(projectId, itemIds, config.outbox().retryBackoff());
            return false;
        }
        probes.markEnqueued(projectId, itemIds);
        return true;
    }
}
