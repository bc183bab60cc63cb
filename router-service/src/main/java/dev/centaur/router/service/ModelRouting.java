package dev.centaur.router.service;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.inference.v1.PredictResponse;
import dev.centaur.router.client.InferenceClient;
import dev.centaur.router.client.PeerCallException;
import dev.centaur.router.config.RouterConfig;
import dev.centaur.router.repository.FinalLabelRepository;
import dev.centaur.router.repository.GoldenItemRepository;
import dev.centaur.router.repository.ItemRepository;
import dev.centaur.router.repository.ProjectRepository;
import dev.centaur.router.routing.MalformedPredictionException;
import dev.centaur.router.routing.RoutingDecision;
import dev.centaur.router.routing.RoutingPolicy;
import dev.centaur.router.tracing.ItemTraces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Routes NEW items: one Predict call per batch (all of one project), then the project's policy
 * gives each item its final label from the model or sends it to the crowd. The batch stays locked
 * (SKIP LOCKED) until its outcome is committed, so replicas never route an item twice.
 */
@ApplicationScoped
public class ModelRouting {

    private static final Logger LOG = Logger.getLogger(ModelRouting.class);

    @Inject
    RouterConfig config;

    @Inject
    ProjectRepository projects;

    @Inject
    ItemRepository items;

    @Inject
    FinalLabelRepository finalLabels;

    @Inject
    GoldenItemRepository goldenItems;

    @Inject
    InferenceClient inference;

    @Inject
    RouterMetrics metrics;

    @Inject
    ItemTraces traces;

    /**
     * Routes the next due batch, if any.
     *
     * @return true when a batch was routed (there may be more); false when there was nothing due or
     *     the batch has to wait (it is then deferred, and other batches go first)
     */
    @Transactional
    public boolean routeNextBatch() {
        String projectId = items.lockProjectWithItemsAwaitingModel().orElse(null);
        if (projectId == null) {
            return false;
        }
        List<ItemEntity> batch = items.claimDue(projectId, ItemStatus.NEW, config.routing().batchSize());
        return traces.inBatchSpan("router route items", projectId, traceParentsOf(batch),
                () -> routeBatch(projectId, batch));
    }

    static List<String> traceParentsOf(List<ItemEntity> batch) {
        return batch.stream().map(item -> item.traceParent).toList();
    }

    private boolean routeBatch(String projectId, List<ItemEntity> batch) {
        ProjectEntity project = projects.findById(projectId);
        PredictResponse response;
        try {
            Map<String, ItemContent> contentById = new LinkedHashMap<>();
            batch.forEach(item -> contentById.put(item.itemId, item.content()));
            response = inference.predict(Predictions.request(project.modelName, contentById));
        } catch (PeerCallException e) {
            if (e.kind() == PeerCallException.Kind.NOT_FOUND) {
                LOG.infof("No model \"%s\" for project %s (%s): %d items go to the crowd without a distribution",
                        project.modelName, projectId, e.getMessage(), batch.size());
                sendToCrowd(batch, Instant.now());
                metrics.itemsRoutedToCrowd(projectId, batch.size());
                return true;
            }
            if (e.kind() == PeerCallException.Kind.UNAVAILABLE) {
                deferBatch(Logger.Level.WARN, projectId, batch, "inference is unavailable", e);
            } else {
                deferBatch(Logger.Level.ERROR, projectId, batch, "inference refused the batch", e);
            }
            return false;
        }
        Map<String, double[]> distributions;
        try {
            distributions = Predictions.inProjectOrder(project.labelList(),
                    batch.stream().map(item -> item.itemId).toList(), response);
        } catch (MalformedPredictionException e) {
            deferBatch(Logger.Level.ERROR, projectId, batch, "model \"" + project.modelName + "\" version "
                    + response.getVersionId() + " does not fit the project", e);
            return false;
        }
        applyPolicy(project, batch, response.getVersionId(), distributions);
        metrics.modelPredictions(project, batch.size());
        // Golden items measured with another version no longer describe the model that routes.
        if (goldenItems.forgetPredictionsOfOtherVersions(projectId, response.getVersionId()) > 0) {
            LOG.infof("Project %s: model version %s routes now; golden items are predicted again", projectId,
                    response.getVersionId());
        }
        return true;
    }

    private void applyPolicy(ProjectEntity project, List<ItemEntity> batch, String modelVersion,
            Map<String, double[]> distributions) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int toModel = 0;
        double[] thresholdByLabel = project.thresholdByLabel();
        for (ItemEntity item : batch) {
            double[] distribution = distributions.get(item.itemId);
            item.modelVersion = modelVersion;
            item.modelProbabilities = distribution;
            item.routedAt = now;
            RoutingDecision decision = RoutingPolicy.decide(distribution, thresholdByLabel);
            if (decision.acceptedFromModel()) {
                item.status = ItemStatus.LABELED;
                String label = project.labels[decision.labelIndex()];
                traces.inItemSpan("router final label", project.projectId, item.itemId, item.traceParent,
                        Map.of(ItemTraces.LABEL, label, ItemTraces.LABEL_SOURCE, LabelSourceName.MODEL.name()),
                        () -> finalLabels.insertIfAbsent(FinalLabelEntity.of(item, label,
                                LabelSourceName.MODEL, decision.confidence(), 0, null, now)));
                metrics.finalLabelRecorded(project.projectId, LabelSourceName.MODEL);
                toModel++;
            } else {
                item.status = ItemStatus.TO_CROWD;
            }
        }
        metrics.itemsRoutedToModel(project.projectId, toModel);
        metrics.itemsRoutedToCrowd(project.projectId, batch.size() - toModel);
    }

    private static void sendToCrowd(List<ItemEntity> batch, Instant now) {
        for (ItemEntity item : batch) {
            item.status = ItemStatus.TO_CROWD;
            item.routedAt = now;
        }
    }

    private void deferBatch(Logger.Level level, String projectId, List<ItemEntity> batch, String reason,
            Exception cause) {
        LOG.logf(level, "%s: %d items of project %s stay NEW and are retried in %s (%s)", reason, batch.size(),
                projectId, config.routing().retryBackoff(), cause.getMessage());
        items.deferAttempt(projectId, batch.stream().map(item -> item.itemId).toList(),
                config.routing().retryBackoff());
    }
}
