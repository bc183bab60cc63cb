package dev.centaur.router.service;

import dev.centaur.router.config.RouterConfig;
import dev.centaur.router.curve.CostModel;
import dev.centaur.router.curve.CostQualityCurve;
import dev.centaur.router.curve.CrowdAccuracy;
import dev.centaur.router.curve.CrowdAccuracy.Tally;
import dev.centaur.router.curve.CurvePoint;
import dev.centaur.router.curve.CurveSettings;
import dev.centaur.router.curve.ModelObservation;
import dev.centaur.router.curve.OperatingChoice;
import dev.centaur.router.curve.OperatingPointChooser;
import dev.centaur.router.curve.RouteWeights;
import dev.centaur.router.curve.Wilson;
import dev.centaur.router.error.NotFoundException;
import dev.centaur.router.repository.CurveEvidenceRepository;
import dev.centaur.router.repository.CurveEvidenceRepository.Judged;
import dev.centaur.router.repository.CurveEvidenceRepository.RouteCensus;
import dev.centaur.router.repository.GoldenProbeRepository;
import dev.centaur.router.repository.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A project's cost-quality curve from its evidence, and the operating point its policy picks. In
 * the target and budget modes the curve worker makes that point the project's threshold whenever
 * new evidence arrived (golden items predicted, crowd results and golden probes' crowd labels, qc
 * verdicts and corrections, a new policy). Evidence: see {@link CurveEvidence} and RouteWeights.
 */
@ApplicationScoped
public class CurveService {

    private static final Logger LOG = Logger.getLogger(CurveService.class);

    /** The curve (empty without evidence) and the chosen point (null without evidence). */
    public record CurveReport(ProjectEntity project, List<CurvePoint> points, OperatingChoice choice,
            CurveEvidence evidence) {
    }

    @Inject
    RouterConfig config;

    @Inject
    ProjectRepository projects;

    @Inject
    CurveEvidenceRepository evidence;

    @Inject
    GoldenProbeRepository probes;

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
        List<String> labels = project.labelList();
        List<ModelObservation> observations = new ArrayList<>();
        List<Judged> golden = evidence.predictedGolden(project.projectId);
        golden.forEach(judged -> observations.add(ModelObservation.of(judged.distribution(),
                labels.indexOf(judged.referenceLabel()))));

        String version = evidence.currentModelVersion(project.projectId).orElse("");
        List<Judged> reviewed = version.isEmpty() ? List.of() : evidence.reviewedByQc(project.projectId, version);
        long reviewedModelRouted = reviewed.stream().filter(Judged::modelRouted).count();
        RouteCensus census = version.isEmpty() ? new RouteCensus(0, 0)
                : evidence.routeCensus(project.projectId, version);
        RouteWeights weights = RouteWeights.of(census.toModel(), census.toCrowd(), reviewedModelRouted,
                reviewed.size() - reviewedModelRouted, settings.minReviewsPerRoute());
        if (weights.usable()) {
            for (Judged judged : reviewed) {
                observations.add(ModelObservation.of(judged.distribution(), labels.indexOf(judged.referenceLabel()),
                        judged.modelRouted() ? weights.modelRouted() : weights.crowdRouted()));
            }
        }

        List<Judged> crowdLabeled = settings.useCrowdLabels()
                ? evidence.crowdLabeled(project.projectId, weights.usable()) : List.of();
        crowdLabeled.forEach(judged -> observations.add(ModelObservation.of(judged.distribution(),
                labels.indexOf(judged.referenceLabel()))));

        Tally pairs = evidence.crowdGoldPairs(project.projectId);
        Tally probed = probes.accuracy(project.projectId);
        Tally crowdReviews = evidence.crowdLabelsReviewed(project.projectId);
        CrowdAccuracy crowd = CrowdAccuracy.pooled(settings.assumedCrowdAccuracy(), z, pairs, probed, crowdReviews);
        CurveEvidence used = new CurveEvidence(golden.size(), crowdLabeled.size(), settings.useCrowdLabels(), version,
                reviewedModelRouted, reviewed.size() - reviewedModelRouted, census, weights, pairs, probed,
                crowdReviews, crowd);
        if (used.isEmpty()) {
            return new CurveReport(project, List.of(), null, used);
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
}
