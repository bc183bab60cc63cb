package dev.centaur.router.service;

import dev.centaur.qc.v1.ListVerdictsRequest;
import dev.centaur.qc.v1.ListVerdictsResponse;
import dev.centaur.qc.v1.Verdict;
import dev.centaur.qc.v1.VerdictResult;
import dev.centaur.router.client.PeerCallException;
import dev.centaur.router.client.QcClient;
import dev.centaur.router.config.RouterConfig;
import dev.centaur.router.repository.FinalLabelRepository;
import dev.centaur.router.repository.ProjectRepository;
import dev.centaur.router.repository.QcFeedCursors;
import dev.centaur.router.repository.QcFeedCursors.Feed;
import dev.centaur.router.repository.QcVerdictRepository;
import dev.centaur.router.repository.QcVerdictRepository.StoredVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Pulls every decided verdict from qc (ListVerdicts) beside the corrections: each is stored once
 * (keyed by qc's sequence, the cursor moving in the same transaction), counts as reviews done,
 * marks a confirmed final label CONFIRMED, and is new evidence for the curve. Corrections are
 * still applied by {@link CorrectionPuller} alone: this worker never changes a label.
 */
@ApplicationScoped
public class VerdictPuller {

    static final String CONFIRMED = "CONFIRMED";
    private static final Logger LOG = Logger.getLogger(VerdictPuller.class);

    @Inject
    RouterConfig config;

    @Inject
    QcFeedCursors cursors;

    @Inject
    QcVerdictRepository verdicts;

    @Inject
    ProjectRepository projects;

    @Inject
    FinalLabelRepository finalLabels;

    @Inject
    QcClient qc;

    @Inject
    RouterMetrics metrics;

    /** New projects get a cursor, so the worker polls them too. */
    @Transactional
    public void addNewProjects() {
        cursors.addMissing(Feed.VERDICTS);
    }

    /**
     * Reads and stores one page of verdicts of the project due longest, among those due when the
     * worker's run began.
     *
     * @return true when a project was due (others, or this one's next page, may be due too)
     */
    @Transactional
    public boolean pullNextPage(Instant runStart) {
        String projectId = cursors.claimDueProject(Feed.VERDICTS, runStart).orElse(null);
        if (projectId == null) {
            return false;
        }
        RouterConfig.Verdicts settings = config.verdicts();
        long after = cursors.lastSequence(Feed.VERDICTS, projectId);
        ListVerdictsResponse page;
        try {
            page = qc.listVerdicts(ListVerdictsRequest.newBuilder()
                    .setProjectId(projectId).setAfter(after).setPageSize(settings.pageSize()).build());
        } catch (PeerCallException e) {
            Duration wait = e.kind() == PeerCallException.Kind.NOT_FOUND ? settings.unknownProjectBackoff()
                    : settings.pollInterval();
            LOG.warnf("verdicts of project %s not read, next try in %s: %s", projectId, wait, e.getMessage());
            cursors.advance(Feed.VERDICTS, projectId, after, Optional.of(wait));
            return true;
        }
        ProjectEntity project = projects.findById(projectId);
        int stored = 0;
        for (Verdict verdict : page.getVerdictsList()) {
            if (verdict.getSequence() > after && store(project, verdict)) {
                stored++;
            }
        }
        if (stored > 0) {
            // Reviewed items are evidence for the curve.
            projects.markCurveStale(projectId);
            LOG.debugf("project %s: %d qc verdicts stored (through verdict %d)", projectId, stored,
                    page.getNextAfter());
        }
        cursors.advance(Feed.VERDICTS, projectId, Math.max(after, page.getNextAfter()),
                page.getHasMore() ? Optional.empty() : Optional.of(settings.pollInterval()));
        return true;
    }

    /** Stores one verdict; one that cannot be stored is logged and passed over, never blocking the rest. */
    private boolean store(ProjectEntity project, Verdict verdict) {
        FinalLabelEntity finalLabel = finalLabels.findById(new ItemKey(project.projectId, verdict.getItemId()));
        String problem = finalLabel == null ? "the item has no final label"
                : !project.labelList().contains(verdict.getExpertLabel()) ? "not one of " + project.labelList()
                : resultName(verdict.getResult()) == null ? "result " + verdict.getResult() + " is unknown"
                : sourceName(verdict) == null ? "source " + verdict.getSource() + " is unknown"
                : null;
        if (problem != null) {
            LOG.warnf("project %s: verdict %d of item %s (expert label %s) ignored: %s", project.projectId,
                    verdict.getSequence(), verdict.getItemId(), verdict.getExpertLabel(), problem);
            return false;
        }
        String result = resultName(verdict.getResult());
        int reviews = Math.max(1, verdict.getReviews());
        boolean stored = verdicts.insertIfAbsent(new StoredVerdict(project.projectId, verdict.getSequence(),
                verdict.getItemId(), verdict.getFinalLabel(), sourceName(verdict), verdict.getExpertLabel(), result,
                reviews, Instant.ofEpochMilli(verdict.getDecidedAtEpochMs())));
        if (!stored) {
            return false;
        }
        // A correction marks its label itself (CorrectionPuller); a confirmation only an unmarked label.
        if (result.equals(CONFIRMED) && finalLabel.qcVerdict == null
                && finalLabel.label.equals(verdict.getFinalLabel())) {
            finalLabel.qcVerdict = CONFIRMED;
        }
        metrics.expertReviews(project, result, reviews);
        return true;
    }

    private static String resultName(VerdictResult result) {
        return switch (result) {
            case VERDICT_RESULT_CONFIRMED -> CONFIRMED;
            case VERDICT_RESULT_CORRECTED -> CorrectionPuller.CORRECTED;
            default -> null;
        };
    }

    private static String sourceName(Verdict verdict) {
        for (LabelSourceName source : LabelSourceName.values()) {
            if (source.toProto() == verdict.getSource()) {
                return source.name();
            }
        }
        return null;
    }
}
