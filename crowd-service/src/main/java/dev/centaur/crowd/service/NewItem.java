package dev.centaur.crowd.service;

/**
 * An item to enqueue: a single text, or a pair (textA, textB), the other form null; the model's
 * distribution in the project's label order, or null.
 */
public record NewItem(String itemId, String text, String textA, String textB, double[] modelProbabilities) {
}
