package dev.centaur.router.service;

import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.router.client.PeerCallException;
import dev.centaur.router.client.QcClient;
import dev.centaur.router.config.RouterConfig;
import dev.centaur.router.repository.FinalLabelRepository;
import dev.centaur.router.repository.ItemRepository;
import dev.centaur.router.repository.ProjectRepository;
import dev.centaur.router.tracing.ItemTraces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** The qc outbox: offers every final label to qc-service, marking it offered once qc acknowledged. */
@ApplicationScoped
public class QcHandoff {

    private static final Logger LOG = Logger.getLogger(QcHandoff.class);

    @Inject
    RouterConfig config;

    @Inject
    ProjectRepository projects;

    @Inject
    ItemRepository items;

    @Inject
    FinalLabelRepository finalLabels;

    @Inject
    QcClient qc;

    @Inject
    ItemTraces traces;

    /**
     * Offers the next due batch of final labels (all of one project).
     *
     * @return true when a batch was acknowledged (there may be more)
     */
    @Transactional
    public boolean offerNextBatch() {
        String projectId = finalLabels.lockProjectWithLabelsAwaitingQc().orElse(null);
        if (projectId == null) {
            return false;
        }
        List<FinalLabelEntity> batch = finalLabels.claimAwaitingQc(projectId, config.qc().batchSize());
        List<String> itemIds = batch.stream().map(label -> label.itemId).toList();
        Map<String, ItemEntity> itemsById = items.findByIds(projectId, itemIds).stream()
                .collect(Collectors.toMap(item -> item.itemId, Function.identity()));
        return traces.inBatchSpan("router offer to qc", projectId,
                batch.stream().map(label -> itemsById.get(label.itemId).traceParent).toList(),
                () -> offerBatch(projectId, batch, itemIds, itemsById));
    }

    private boolean offerBatch(String projectId, List<FinalLabelEntity> batch, List<String> itemIds,
            Map<String, ItemEntity> itemsById) {
        ProjectEntity project = projects.findById(projectId);
        OfferRequest.Builder request = OfferRequest.newBuilder()
                .setProjectId(projectId)
                .addAllLabels(project.labelList())
                .setQcRate(project.qcRate)
                // What qc needs to ask for a higher threshold when the model misses the target.
                .setTargetAccuracy(project.mode == PolicyModeName.TARGET_ACCURACY ? project.targetAccuracy : 0)
                .setModelThreshold(Arrays.stream(project.thresholdByLabel()).min().orElse(project.threshold));
        for (FinalLabelEntity finalLabel : batch) {
            request.addLabelsOffered(OfferedLabel.newBuilder()
                    .setItemId(finalLabel.itemId)
                    .setContent(itemsById.get(finalLabel.itemId).content())
                    .setLabel(finalLabel.label)
                    .setSource(finalLabel.source.toProto())
                    .setConfidence(finalLabel.confidence)
                    .setModelVersion(finalLabel.modelVersion == null ? "" : finalLabel.modelVersion));
        }
        try {
            qc.offer(request.build());
        } catch (PeerCallException e) {
            LOG.warnf("%d final labels of project %s not offered to qc, retrying in %s: %s", batch.size(), projectId,
                    config.outbox().retryBackoff(), e.getMessage());
            finalLabels.deferQcOffer(projectId, itemIds, config.outbox().retryBackoff());
            return false;
        }
        for (FinalLabelEntity finalLabel : batch) {
            finalLabel.offeredToQc = true;
        }
        return true;
    }
}
