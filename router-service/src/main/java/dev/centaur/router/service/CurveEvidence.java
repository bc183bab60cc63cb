package dev.centaur.router.service;

import dev.centaur.router.curve.CrowdAccuracy;
import dev.centaur.router.curve.CrowdAccuracy.Tally;
import dev.centaur.router.curve.RouteWeights;
import dev.centaur.router.repository.CurveEvidenceRepository.RouteCensus;
import java.util.Locale;

/**
 * What a curve was computed from: how many items of each kind judged the model, and what measured
 * the crowd (or that its accuracy is assumed).
 *
 * @param goldenItems held-out golden items judged against gold
 * @param crowdLabeledItems items judged against the crowd's label (only with curve.use-crowd-labels)
 * @param modelVersion the version routing now, whose reviewed items count ("" before any routing)
 * @param reviewedModelRouted reviewed items of that version the model had labeled
 * @param reviewedCrowdRouted reviewed items of that version it had sent to the crowd
 * @param census items of that version routed so far, per route
 * @param weights the routes' weights, or why the reviews were left out
 * @param crowdGoldPairs crowd final labels of items with a golden twin, against gold
 * @param crowdProbes golden probes the crowd labeled, against gold
 * @param crowdReviews crowd final labels reviewed by qc's experts
 */
public record CurveEvidence(long goldenItems, long crowdLabeledItems, boolean crowdLabelsEnabled, String modelVersion,
        long reviewedModelRouted, long reviewedCrowdRouted, RouteCensus census, RouteWeights weights,
        Tally crowdGoldPairs, Tally crowdProbes, Tally crowdReviews, CrowdAccuracy crowd) {

    /** Reviewed items that judge the model (0 when they were left out). */
    public long qcReviewedItems() {
        return weights.usable() ? reviewedModelRouted + reviewedCrowdRouted : 0;
    }

    public boolean isEmpty() {
        return goldenItems + crowdLabeledItems + qcReviewedItems() == 0;
    }

    /** In words: each kind of evidence and how much of it. */
    public String description() {
        StringBuilder text = new StringBuilder();
        text.append(goldenItems).append(" held-out golden items judged against their gold labels; ");
        if (qcReviewedItems() > 0) {
            text.append(format("%d items of model %s reviewed by qc's experts judged against the experts' label "
                            + "(%d the model labeled, weight %.3f for %d routed; %d it sent to the crowd, weight %.3f "
                            + "for %d routed); ", qcReviewedItems(), modelVersion, reviewedModelRouted,
                    weights.modelRouted(), census.toModel(), reviewedCrowdRouted, weights.crowdRouted(),
                    census.toCrowd()));
        } else if (reviewedModelRouted + reviewedCrowdRouted > 0) {
            text.append(format("%d qc-reviewed items of model %s left out: %s; ",
                    reviewedModelRouted + reviewedCrowdRouted, modelVersion, weights.leftOutReason()));
        } else {
            text.append("no qc-reviewed items of the model in use; ");
        }
        text.append(crowdLabelsEnabled
                ? crowdLabeledItems + " crowd-labeled items without gold judged against the crowd's label; "
                : "crowd-aggregated labels not used (curve.use-crowd-labels off); ");
        if (crowd.assumed()) {
            text.append(format("crowd accuracy assumed %.4f (no crowd label checked against gold or an expert)",
                    crowd.accuracy().estimate()));
        } else {
            text.append(format("crowd accuracy measured %.4f [%.4f, %.4f] on %d crowd labels, %d right: %d golden "
                            + "probes, %d reviewed by qc, %d crowd/gold pairs", crowd.accuracy().estimate(),
                    crowd.accuracy().low(), crowd.accuracy().high(), crowd.trials(), crowd.correct(),
                    crowdProbes.trials(), crowdReviews.trials(), crowdGoldPairs.trials()));
        }
        return text.toString();
    }

    private static String format(String template, Object... values) {
        return String.format(Locale.ROOT, template, values);
    }
}
