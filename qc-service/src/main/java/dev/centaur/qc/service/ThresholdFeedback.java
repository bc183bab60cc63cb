package dev.centaur.qc.service;

import dev.centaur.qc.config.QcConfig;
import dev.centaur.qc.repository.OfferedLabelRepository;
import dev.centaur.qc.repository.ProjectRepository;
import dev.centaur.qc.repository.ThresholdRaiseRepository;
import dev.centaur.qc.stats.Proportion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Decides, after each verdict on a MODEL label, whether router must raise the project's threshold:
 * when even the upper end of the model's 95% interval is under the project's target, the model
 * cannot be trusted with the labels it now takes, so more items should go to people. The request is
 * written to the outbox in the verdict's transaction.
 */
@ApplicationScoped
public class ThresholdFeedback {

    private static final Logger LOG = Logger.getLogger(ThresholdFeedback.class);
    private static final double MAX_THRESHOLD = 1.0;

    private final ProjectRepository projects;
    private final OfferedLabelRepository offeredLabels;
    private final ThresholdRaiseRepository raises;
    private final QcConfig.Feedback settings;

    ThresholdFeedback(ProjectRepository projects, OfferedLabelRepository offeredLabels,
            ThresholdRaiseRepository raises, QcConfig config) {
        this.projects = projects;
        this.offeredLabels = offeredLabels;
        this.raises = raises;
        this.settings = config.feedback();
    }

    /** Called in the transaction that decided a MODEL label's verdict. */
    void afterModelVerdict(Project project, Instant now) {
        if (project.targetAccuracy <= 0 || project.modelThreshold >= MAX_THRESHOLD) {
            return;
        }
        Optional<Proportion> model = AccuracyEstimates.of(offeredLabels.strata(Optional.of(project.projectId)))
                .sources().stream()
                .filter(source -> source.source() == FinalLabelSource.MODEL)
                .map(SourceAccuracy::accuracy)
                .findFirst();
        if (model.isEmpty() || model.get().trials() < settings.minModelReviews()
                || !(model.get().upper() < project.targetAccuracy)) {
            return;
        }
        // Concurrent verdicts of the project see each other's request only after this lock.
        projects.lockAndRefresh(project);
        Proportion accuracy = model.get();
        if (project.raisedAtModelReviews > 0
                && accuracy.trials() < project.raisedAtModelReviews + settings.reviewsBetweenRaises()) {
            return;
        }
        double from = project.modelThreshold;
        double to = Math.min(MAX_THRESHOLD, from + settings.thresholdStep());
        ThresholdRaise raise = new ThresholdRaise();
        raise.projectId = project.projectId;
        raise.minThreshold = to;
        raise.evidence = evidence(accuracy, project.targetAccuracy, from, to);
        raise.modelReviews = accuracy.trials();
        raise.createdAt = now;
        raise.nextAttemptAt = now;
        raises.persist(raise);
        // Until router's next Offer says otherwise, the next request builds on this one.
        project.modelThreshold = to;
        project.raisedAtModelReviews = accuracy.trials();
        LOG.infof("project %s: asking router for threshold %s: %s", project.projectId, to, raise.evidence);
    }

    static String evidence(Proportion accuracy, double target, double from, double to) {
        return String.format(Locale.ROOT,
                "qc: MODEL labels %d of %d correct in decided expert reviews (accuracy %.4f, 95%% interval "
                        + "[%.4f, %.4f]); the upper bound %.4f is under the target accuracy %.4f, so the "
                        + "threshold goes from %.4f to %.4f",
                accuracy.successes(), accuracy.trials(), accuracy.estimate(), accuracy.lower(), accuracy.upper(),
                accuracy.upper(), target, from, to);
    }
}
