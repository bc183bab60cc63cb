package dev.centaur.router.service;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.inference.v1.PredictResponse;
import dev.centaur.router.client.InferenceClient;
import dev.centaur.router.client.PeerCallException;
import dev.centaur.router.config.RouterConfig;
import dev.centaur.router.repository.GoldenItemRepository;
import dev.centaur.router.repository.ProjectRepository;
import dev.centaur.router.routing.MalformedPredictionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Predicts held-out golden items with the project's model, like project items but without
 * routing them: the distributions are the curve's evidence. A batch that cannot be predicted (no
 * model yet, peer down, wrong labels) waits golden.retry-backoff.
 */
@ApplicationScoped
public class GoldenPrediction {

    private static final Logger LOG = Logger.getLogger(GoldenPrediction.class);

    @Inject
    RouterConfig config;

    @Inject
    ProjectRepository projects;

    @Inject
    GoldenItemRepository golden;

    @Inject
    InferenceClient inference;

    @Inject
    RouterMetrics metrics;

    /** @return true when a batch was predicted (there may be more) */
    @Transactional
    public boolean predictNextBatch() {
        String projectId = golden.lockProjectWithGoldenAwaitingModel().orElse(null);
        if (projectId == null) {
            return false;
        }
        List<GoldenItemEntity> batch = golden.claimAwaitingModel(projectId, config.golden().batchSize());
        ProjectEntity project = projects.findById(projectId);
        Map<String, ItemContent> contentById = new LinkedHashMap<>();
        batch.forEach(item -> contentById.put(item.itemId, item.content()));
        List<String> itemIds = List.copyOf(contentById.keySet());
        try {
            PredictResponse response = inference.predict(Predictions.request(project.modelName, contentById));
            Map<String, double[]> distributions = Predictions.inProjectOrder(project.labelList(), itemIds, response);
            for (GoldenItemEntity item : batch) {
                item.modelVersion = response.getVersionId();
                item.modelProbabilities = distributions.get(item.itemId);
            }
        } catch (PeerCallException | MalformedPredictionException e) {
            LOG.debugf("%d golden items of project %s not predicted, retrying in %s: %s", batch.size(), projectId,
                    config.golden().retryBackoff(), e.getMessage());
            golden.deferAttempt(projectId, itemIds, config.golden().retryBackoff());
            return false;
        }
        metrics.modelPredictions(project, batch.size());
        projects.markCurveStale(projectId);
        return true;
    }
}
