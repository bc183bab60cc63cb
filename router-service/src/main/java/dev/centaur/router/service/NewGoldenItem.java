package dev.centaur.router.service;

/** A validated golden item to store: its content (no metadata) and its gold label. */
public record NewGoldenItem(NewItem item, String goldLabel) {
}
