package dev.centaur.inference.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One text analysed once: its words, n-grams, codes, numbers and prices, so the sparse and the
 * overlap features of a pair do not tokenize the same text twice.
 */
public record TextSide(
        List<String> words,
        Set<String> wordSet,
        Set<String> bigramSet,
        Set<String> charNgramSet,
        Set<String> headWordSet,
        Set<String> codes,
        Set<String> numbers,
        List<Double> prices,
        String squashed,
        int negations) {

    public static TextSide of(String text, int charNgram) {
        List<String> words = TextAnalysis.words(text);
        return new TextSide(
                words,
                new LinkedHashSet<>(words),
                new LinkedHashSet<>(TextAnalysis.bigrams(words)),
                TextAnalysis.charNgrams(words, charNgram),
                new LinkedHashSet<>(TextAnalysis.words(TextAnalysis.head(text))),
                TextAnalysis.codes(text),
                TextAnalysis.numbers(words),
                TextAnalysis.prices(text),
                TextAnalysis.squash(text),
                TextAnalysis.negationCount(words));
    }
}
