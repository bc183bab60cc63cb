package dev.centaur.router.service;

import dev.centaur.router.config.RouterConfig;
import dev.centaur.router.curve.CostModel;
import dev.centaur.router.curve.CostQualityCurve;
import dev.centaur.router.curve.CrowdAccuracy;
import dev.centaur.router.curve.CurvePoint;
import dev.centaur.router.curve.CurveSettings;
import dev.centaur.router.curve.ModelObservation;
import dev.centaur.router.curve.OperatingChoice;
import dev.centaur.router.curve.OperatingPointChooser;
import dev.centaur.router.curve.Wilson;
import dev.centaur.router.error.NotFoundException;
import dev.centaur.router.repository.CurveEvidenceRepository;
import dev.centaur.router.repository.CurveEvidenceRepository.Judged;
import dev.centaur.router.repository.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * A project's cost-quality curve from its evidence, and the operating point its policy picks. In
 * the target and budget modes the curve worker makes that point the project's threshold whenever
 * new evidence arrived (golden items predicted, crowd results, a new policy).
 */
@ApplicationScoped
public class CurveService {

    private static final Logger LOG = Logger.getLogger(CurveService.class);

    /** What the curve was computed from. */
    public record Evidence(long goldenItems, long crowdLabeledItems, CrowdAccuracy crowd, String description) {

        public boolean isEmpty() {
            return goldenItems + crowdLabeledItems == 0;
        }
    }

    /** The curve (empty without evidence) and the chosen point (null without evidence). */
    public record CurveReport(ProjectEntity project, List<CurvePoint> points, OperatingChoice choice,
            Evidence evidence) {
    }

    @Inject
    RouterConfig config;

    @Inject
    ProjectRepository projects;

    @Inject
    CurveEvidenceRepository evidence;

    @Inject
    PolicyService policies;

    @Transactional
    public CurveReport report(String projectId) {
        ProjectEntity project = projects.findById(projectId);
        if (project == null) {
            throw NotFoundException.project(projectId);
        }
        return compute(project);
    }

    /**
     * Recomputes one project with new evidence, if any: in the target and budget modes its
     * threshold becomes the chosen point's (recorded as AUTOMATIC with the evidence).
     *
     * @return true when a project was recomputed (there may be more)
     */
    @Transactional
    public boolean recomputeNextStale() {
        ProjectEntity project = projects.claimStaleCurve().orElse(null);
        if (project == null) {
            return false;
        }
        projects.clearCurveStale(project.projectId);
        if (!project.mode.automatic()) {
            return true;
        }
        CurveReport report = compute(project);
        if (report.choice() == null) {
            return true;
        }
        String reason = project.mode + ": " + report.choice().explanation() + ". Evidence: "
                + report.evidence().description();
        if (policies.applyOperatingPoint(project, report.choice().threshold(), reason)) {
            LOG.infof("Project %s: threshold %s (%s)", project.projectId, project.threshold, reason);
        }
        return true;
    }

    private CurveReport compute(ProjectEntity project) {
        RouterConfig.Curve settings = config.curve();
        double z = Wilson.Z_95;
        List<Judged> golden = evidence.predictedGolden(project.projectId);
        List<Judged> crowdLabeled = settings.useCrowdLabels() ? evidence.crowdLabeled(project.projectId) : List.of();
        CurveEvidenceRepository.CrowdGoldPairs pairs = evidence.crowdGoldPairs(project.projectId);
        CrowdAccuracy crowd = CrowdAccuracy.of(pairs.crowdCorrect(), pairs.pairs(), settings.assumedCrowdAccuracy(), z);
        Evidence used = new Evidence(golden.size(), crowdLabeled.size(), crowd,
                describe(golden.size(), crowdLabeled.size(), crowd));
        if (used.isEmpty()) {
            return new CurveReport(project, List.of(), null, used);
        }
        List<ModelObservation> observations = new ArrayList<>();
        for (List<Judged> judgedItems : List.of(golden, crowdLabeled)) {
            for (Judged judged : judgedItems) {
                int reference = project.labelList().indexOf(judged.referenceLabel());
                observations.add(ModelObservation.of(judged.distribution(), reference));
            }
        }
        CostModel costs = new CostModel(project.pricePer1kPredictions, project.overlap, project.pricePerCrowdAnswer,
                project.qcRate, project.pricePerExpertReview);
        List<CurvePoint> points = CostQualityCurve.compute(observations, crowd, costs,
                new CurveSettings(settings.gridStart(), settings.gridStep(), z));
        OperatingChoice choice = switch (project.mode) {
            case TARGET_ACCURACY -> OperatingPointChooser.forTargetAccuracy(points, project.targetAccuracy);
            case BUDGET -> OperatingPointChooser.forBudget(points, project.budgetPerItem);
            case THRESHOLD -> new OperatingChoice(
                    CostQualityCurve.pointAt(project.threshold, observations, crowd, costs, z), true,
                    "the user's threshold " + project.threshold + " (per-label thresholds are not part of the curve)");
        };
        return new CurveReport(project, points, choice, used);
    }

    private static String describe(long golden, long crowdLabeled, CrowdAccuracy crowd) {
        String crowdAccuracy = crowd.assumed()
                ? String.format(Locale.ROOT, "crowd accuracy assumed %.4f (no item has both a crowd and a gold label)",
                        crowd.accuracy().estimate())
                : String.format(Locale.ROOT, "crowd accuracy measured on %d items with crowd and gold labels, %d agree",
                        crowd.pairs(), crowd.correct());
        return golden + " held-out golden items judged against their gold labels; " + crowdLabeled
                + " crowd-labeled items without gold judged against the crowd's label; " + crowdAccuracy;
    }
}
