package dev.centaur.inference.service;

import java.util.List;
import java.util.UUID;

/** Distributions over {@code labels}, one per item in request order, from version {@code versionId}. */
public record PredictionResult(UUID versionId, List<String> labels, double[][] probabilities) {
}
