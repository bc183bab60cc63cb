package dev.centaur.router.service;

import java.util.Map;

/** A validated item to store: a single text, or a pair (then text is null). */
public record NewItem(String itemId, String text, String textA, String textB, Map<String, String> metadata) {
}
