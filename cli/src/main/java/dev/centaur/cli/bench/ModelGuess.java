package dev.centaur.cli.bench;

/** The model's label for an item and its probability (max p of the distribution). */
public record ModelGuess(String label, double confidence) {
}
