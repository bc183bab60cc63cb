package dev.centaur.router.repository;

/** A project's items per state, for GetProgress. */
public record ItemCounts(long items, long awaitingModel, long withCrowd, long modelPredictions) {
}
