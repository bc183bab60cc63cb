package dev.centaur.cli.demo;

/** One exported final label, reduced to what the report needs. Source: MODEL, CROWD, HYBRID, EXPERT. */
public record LabeledItem(String itemId, String label, String source, int answersUsed) {
}
