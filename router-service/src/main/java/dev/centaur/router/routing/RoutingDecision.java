package dev.centaur.router.routing;

/**
 * What the policy made of one distribution: the most probable label (index in the project's
 * order) with its probability, and whether that is confident enough to be the final label.
 */
public record RoutingDecision(int labelIndex, double confidence, boolean acceptedFromModel) {
}
