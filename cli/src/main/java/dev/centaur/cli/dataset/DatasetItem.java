package dev.centaur.cli.dataset;

/**
 * One item to label: a single text, or a pair (text_a, text_b). Exactly one form is set; the
 * other fields are null.
 */
public record DatasetItem(String id, String text, String textA, String textB) {

    public static DatasetItem single(String id, String text) {
        return new DatasetItem(id, text, null, null);
    }

    public static DatasetItem pair(String id, String textA, String textB) {
        return new DatasetItem(id, null, textA, textB);
    }

    public boolean isPair() {
        return text == null;
    }
}
