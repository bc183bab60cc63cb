package dev.centaur.router.service;

import dev.centaur.qc.v1.Correction;
import dev.centaur.qc.v1.ListCorrectionsRequest;
import dev.centaur.qc.v1.ListCorrectionsResponse;
import dev.centaur.router.client.PeerCallException;
import dev.centaur.router.client.QcClient;
import dev.centaur.router.config.RouterConfig;
import dev.centaur.router.repository.CorrectionRepository;
import dev.centaur.router.repository.FinalLabelRepository;
import dev.centaur.router.repository.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Pulls the experts' corrections from qc (ListCorrections) and applies them: the final label becomes
 * the experts' label with source EXPERT and qc verdict CORRECTED; the label and source it replaced
 * go to the correction history. The project's cursor (last sequence applied) moves in the same
 * transaction as the labels, so a correction is never applied twice nor skipped. A corrected label
 * counts as offered to qc already: it is never offered back (qc's verdict is where it came from).
 */
@ApplicationScoped
public class CorrectionPuller {

    static final String CORRECTED = "CORRECTED";
    private static final Logger LOG = Logger.getLogger(CorrectionPuller.class);
    /** An expert's verdict is taken as certain. */
    private static final double EXPERT_CONFIDENCE = 1.0;

    @Inject
    RouterConfig config;

    @Inject
    CorrectionRepository corrections;

    @Inject
    ProjectRepository projects;

    @Inject
    FinalLabelRepository finalLabels;

    @Inject
    QcClient qc;

    /** New projects get a cursor, so the worker polls them too. */
    @Transactional
    public void addNewProjects() {
        corrections.addMissingCursors();
    }

    /**
     * Reads and applies one page of corrections of the project due longest, among those due when the
     * worker's run began (so a run ends even while polls fall due again).
     *
     * @return true when a project was due (others, or this one's next page, may be due too)
     */
    @Transactional
    public boolean pullNextPage(Instant runStart) {
        String projectId = corrections.claimDueProject(runStart).orElse(null);
        if (projectId == null) {
            return false;
        }
        RouterConfig.Corrections settings = config.corrections();
        long after = corrections.lastSequence(projectId);
        ListCorrectionsResponse page;
        try {
            page = qc.listCorrections(ListCorrectionsRequest.newBuilder()
                    .setProjectId(projectId).setAfter(after).setPageSize(settings.pageSize()).build());
        } catch (PeerCallException e) {
            // NOT_FOUND: qc does not know the project (its labels were offered elsewhere, or qc lost
            // them): it has no corrections to give for a long while.
            Duration wait = e.kind() == PeerCallException.Kind.NOT_FOUND ? settings.unknownProjectBackoff()
                    : settings.pollInterval();
            LOG.warnf("corrections of project %s not read, next try in %s: %s", projectId, wait, e.getMessage());
            corrections.advance(projectId, after, Optional.of(wait));
            return true;
        }
        ProjectEntity project = projects.findById(projectId);
        int applied = 0;
        for (Correction correction : page.getCorrectionsList()) {
            if (correction.getSequence() > after && apply(project, correction)) {
                applied++;
            }
        }
        if (applied > 0) {
            // Expert labels are new evidence for the curve.
            projects.markCurveStale(projectId);
            LOG.infof("project %s: %d final labels corrected by qc's experts (through correction %d)", projectId,
                    applied, page.getNextAfter());
        }
        long last = Math.max(after, page.getNextAfter());
        corrections.advance(projectId, last,
                page.getHasMore() ? Optional.empty() : Optional.of(settings.pollInterval()));
        return true;
    }

    /** Applies one correction; one that cannot apply is logged and passed over, so it never blocks the rest. */
    private boolean apply(ProjectEntity project, Correction correction) {
        String corrected = correction.getCorrectedLabel();
        FinalLabelEntity finalLabel = finalLabels.findById(new ItemKey(project.projectId, correction.getItemId()));
        if (finalLabel == null || !project.labelList().contains(corrected)) {
            LOG.warnf("project %s: correction %d of item %s to label %s ignored: %s", project.projectId,
                    correction.getSequence(), correction.getItemId(), corrected,
                    finalLabel == null ? "the item has no final label" : "not one of " + project.labelList());
            return false;
        }
        if (!corrections.recordHistory(finalLabel, correction.getSequence(), corrected, correction.getReviews(),
                Instant.ofEpochMilli(correction.getCorrectedAtEpochMs()))) {
            return false;
        }
        if (finalLabel.source == LabelSourceName.CROWD || finalLabel.source == LabelSourceName.HYBRID) {
            // The annotators behind the replaced label learn from the experts' verdict.
            corrections.queueCrowdVerdict(project.projectId, correction.getSequence(), finalLabel.itemId, corrected);
        }
        finalLabel.label = corrected;
        finalLabel.source = LabelSourceName.EXPERT;
        finalLabel.confidence = EXPERT_CONFIDENCE;
        finalLabel.qcVerdict = CORRECTED;
        finalLabel.offeredToQc = true;
        return true;
    }
}
