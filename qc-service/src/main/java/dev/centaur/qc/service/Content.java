package dev.centaur.qc.service;

/** An item's content: a single text, or a pair (textA, textB); the unused form is empty. */
public record Content(String text, String textA, String textB) {

    public static Content single(String text) {
        return new Content(text, "", "");
    }

    public static Content pair(String textA, String textB) {
        return new Content("", textA, textB);
    }

    public boolean isPair() {
        return text.isEmpty();
    }
}
