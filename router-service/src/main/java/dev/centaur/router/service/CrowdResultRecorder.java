package dev.centaur.router.service;

import dev.centaur.router.error.InvalidArgumentException;
import dev.centaur.router.error.NotFoundException;
import dev.centaur.router.repository.FinalLabelRepository;
import dev.centaur.router.repository.GoldenProbeRepository;
import dev.centaur.router.repository.GoldenProbeRepository.ProbeResult;
import dev.centaur.router.repository.ItemRepository;
import dev.centaur.router.repository.ProjectRepository;
import dev.centaur.router.tracing.ItemTraces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Turns crowd's aggregate into the item's final label, once; the aggregate of a golden probe (an id
 * with {@link GoldenProbeRepository#CROWD_ID_PREFIX}) is kept as the probe's crowd label instead.
 */
@ApplicationScoped
public class CrowdResultRecorder {

    @Inject
    ProjectRepository projects;

    @Inject
    ItemRepository items;

    @Inject
    FinalLabelRepository finalLabels;

    @Inject
    GoldenProbeRepository probes;

    @Inject
    RouterMetrics metrics;

    @Inject
    ItemTraces traces;

    /**
     * Records the result unless the item has a final label already. The item row is locked first,
     * so concurrent reports for one item are decided one after the other.
     *
     * @return false when the item already had a final label (nothing changed)
     */
    @Transactional
    public boolean record(CrowdResult result) {
        ProjectEntity project = projects.findById(result.projectId());
        if (project == null) {
            throw NotFoundException.project(result.projectId());
        }
        if (!project.labelList().contains(result.label())) {
            throw new InvalidArgumentException("label \"" + result.label() + "\" is not one of project "
                    + project.projectId + "'s labels " + project.labelList());
        }
        if (result.itemId().startsWith(GoldenProbeRepository.CROWD_ID_PREFIX)) {
            return recordProbe(project, result);
        }
        ItemEntity item = items.lockItem(result.projectId(), result.itemId())
                .orElseThrow(() -> NotFoundException.item(result.projectId(), result.itemId()));
        // In the item's own trace (from SubmitItems), linked to the ReportCrowdResult call's.
        boolean recorded = traces.inItemSpan("router final label", project.projectId, item.itemId, item.traceParent,
                Map.of(ItemTraces.LABEL, result.label(), ItemTraces.LABEL_SOURCE, result.source().name()),
                () -> finalLabels.insertIfAbsent(FinalLabelEntity.of(item, result.label(), result.source(),
                        result.confidence(), result.answersUsed(), result.method(),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS))));
        if (recorded) {
            item.status = ItemStatus.LABELED;
            metrics.finalLabelRecorded(project.projectId, result.source());
            metrics.crowdAnswers(project, result.answersUsed());
            projects.markCurveStale(project.projectId);
        }
        return recorded;
    }

    /** A probe's crowd label measures the crowd against gold; it never becomes a final label. */
    private boolean recordProbe(ProjectEntity project, CrowdResult result) {
        boolean recorded = probes.recordResult(new ProbeResult(result.projectId(), result.itemId(), result.label(),
                        result.confidence(), result.answersUsed(), result.method(), result.source().name()))
                .orElseThrow(() -> NotFoundException.item(result.projectId(), result.itemId()));
        if (recorded) {
            metrics.crowdAnswers(project, result.answersUsed());
            projects.markCurveStale(project.projectId);
        }
        return recorded;
    }
}
