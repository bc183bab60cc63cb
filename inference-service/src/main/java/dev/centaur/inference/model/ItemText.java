package dev.centaur.inference.model;

import java.util.Objects;

/**
 * The text of one item as the model sees it: a single text, or a pair (text A and text B).
 *
 * <p>Exactly one form is set; the service validates that before building one.
 */
public record ItemText(String text, String textA, String textB) {

    public ItemText {
        boolean single = text != null;
        boolean pair = textA != null && textB != null;
        if (single == pair) {
            throw new IllegalArgumentException("an item is either a single text or a pair of texts");
        }
    }

    public static ItemText single(String text) {
        return new ItemText(Objects.requireNonNull(text), null, null);
    }

    public static ItemText pair(String textA, String textB) {
        return new ItemText(null, Objects.requireNonNull(textA), Objects.requireNonNull(textB));
    }

    public boolean isPair() {
        return text == null;
    }
}
