package dev.centaur.router.curve;

import java.util.Locale;

/**
 * How qc-reviewed items count as model evidence: a weight per route (items the model labeled,
 * items it sent to the crowd), or the reason they cannot count.
 *
 * <p>Why: qc reviews a sample of every final label. A model-labeled item has max p at least the
 * threshold in force when it was routed, so the reviewed MODEL labels alone are a sample truncated
 * at that threshold: used alone they would put coverage near 1 at every lower threshold and
 * flatter the model's accuracy there (the unsure items it would add are missing). The reviewed
 * crowd-routed items fill the rest: router keeps the model's distribution of every item it routed,
 * so for them too the experts' label tells whether the model would have been right. The two routes
 * together partition all routed items, so their reviews are a sample of all items, as long as each
 * route is represented in proportion. It is not quite: crowd-routed labels reach qc later (the
 * crowd takes time), and rates can differ per route and over time. So each route's reviews are
 * weighted by its share of the items routed (a census router has) over its share of the reviews
 * (post-stratification); a route with items but too few reviews cannot be stood for, and then the
 * reviews are left out rather than used truncated.
 */
public record RouteWeights(double modelRouted, double crowdRouted, String leftOutReason) {

    /** No reviews to weigh. */
    public static final RouteWeights NONE = new RouteWeights(0, 0, "");

    /**
     * @param routedToModel items (of the model version) the model labeled
     * @param routedToCrowd items it sent to the crowd, labeled yet or not
     * @param reviewedModelRouted reviewed items among the first
     * @param reviewedCrowdRouted reviewed items among the second
     * @param minReviewsPerRoute reviews a route with items needs to stand for them
     */
    public static RouteWeights of(long routedToModel, long routedToCrowd, long reviewedModelRouted,
            long reviewedCrowdRouted, long minReviewsPerRoute) {
        long reviewed = reviewedModelRouted + reviewedCrowdRouted;
        if (reviewed == 0) {
            return NONE;
        }
        // A review is itself a routed item: a census that lags behind the reviews is raised to them.
        long model = Math.max(routedToModel, reviewedModelRouted);
        long crowd = Math.max(routedToCrowd, reviewedCrowdRouted);
        String modelShort = tooFew("the model labeled", model, reviewedModelRouted, minReviewsPerRoute);
        String crowdShort = tooFew("went to the crowd", crowd, reviewedCrowdRouted, minReviewsPerRoute);
        if (modelShort != null || crowdShort != null) {
            return new RouteWeights(0, 0, (crowdShort != null ? crowdShort : modelShort)
                    + (crowdShort != null ? ": reviews of model labels alone cover only confidence at or above the"
                            + " threshold in force" : ": reviews of crowd-routed items alone cover only confidence"
                            + " under the threshold in force"));
        }
        double routed = model + crowd;
        return new RouteWeights(weight(model, reviewedModelRouted, routed, reviewed),
                weight(crowd, reviewedCrowdRouted, routed, reviewed), null);
    }

    public boolean usable() {
        return leftOutReason == null;
    }

    /** The route's share of routed items over its share of reviews; 0 for a route without reviews. */
    private static double weight(long routedOfRoute, long reviewedOfRoute, double routed, long reviewed) {
        return reviewedOfRoute == 0 ? 0 : (routedOfRoute / routed) / (reviewedOfRoute / (double) reviewed);
    }

    private static String tooFew(String route, long routed, long reviewed, long minimum) {
        if (routed == 0 || reviewed >= minimum) {
            return null;
        }
        return String.format(Locale.ROOT, "%d items %s but %d of them were reviewed (%d needed)", routed, route,
                reviewed, minimum);
    }
}
