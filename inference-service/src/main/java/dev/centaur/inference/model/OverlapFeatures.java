package dev.centaur.inference.model;

import java.util.Set;

/**
 * Dense features of how two texts overlap (product A vs product B, text vs hypothesis). A bag of
 * both texts cannot tell "same words on both sides" from "many words on one side"; these can.
 * Every value lies in [0, 1].
 */
public final class OverlapFeatures {

    /** Names of the dense features, in vector order (index 0 marks a pair; singles are all zero). */
    public static final String[] NAMES = {
        "is_pair", "word_jaccard", "b_words_in_a", "a_words_in_b", "char_ngram_jaccard",
        "b_char_ngrams_in_a", "bigram_jaccard", "head_word_jaccard", "a_codes_in_b", "b_codes_in_a",
        "a_has_codes", "b_has_codes", "all_codes_match", "long_code_shared", "b_numbers_in_a",
        "b_has_numbers", "length_ratio", "price_closeness", "both_have_prices", "negation_mismatch"
    };
    public static final int SIZE = NAMES.length;
    /** A shared code at least this long is almost surely a model number, not "4gb". */
    private static final int LONG_CODE = 5;

    /** How the codes (model numbers) of the two sides agree. */
    public enum CodeAgreement { NEITHER_HAS_CODES, ONE_SIDE_HAS_CODES, NONE_SHARED, SOME_SHARED, ALL_SHARED }

    /** The dense vector and the code agreement (which the featurizer also uses as a sparse feature). */
    public record Overlap(float[] dense, CodeAgreement codeAgreement) {
    }

    private OverlapFeatures() {
    }

    public static Overlap of(TextSide a, TextSide b) {
        double aCodesInB = codeShareFoundIn(a.codes(), b.codes(), b.squashed());
        double bCodesInA = codeShareFoundIn(b.codes(), a.codes(), a.squashed());
        CodeAgreement agreement = codeAgreement(a.codes(), b.codes(), aCodesInB, bCodesInA);
        boolean bothPriced = !a.prices().isEmpty() && !b.prices().isEmpty();
        double[] values = {
            1,
            jaccard(a.wordSet(), b.wordSet()),
            shareFoundIn(b.wordSet(), a.wordSet()),
            shareFoundIn(a.wordSet(), b.wordSet()),
            jaccard(a.charNgramSet(), b.charNgramSet()),
            shareFoundIn(b.charNgramSet(), a.charNgramSet()),
            jaccard(a.bigramSet(), b.bigramSet()),
            jaccard(a.headWordSet(), b.headWordSet()),
            aCodesInB,
            bCodesInA,
            a.codes().isEmpty() ? 0 : 1,
            b.codes().isEmpty() ? 0 : 1,
            agreement == CodeAgreement.ALL_SHARED ? 1 : 0,
            longCodeShared(a.codes(), b.codes()) ? 1 : 0,
            shareFoundIn(b.numbers(), a.numbers()),
            b.numbers().isEmpty() ? 0 : 1,
            lengthRatio(a.words().size(), b.words().size()),
            bothPriced ? closeness(a.prices().get(0), b.prices().get(0)) : 0,
            bothPriced ? 1 : 0,
            (a.negations() > 0) != (b.negations() > 0) ? 1 : 0
        };
        float[] dense = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            dense[i] = (float) values[i];
        }
        return new Overlap(dense, agreement);
    }

    /** |x ∩ y| / |x ∪ y|; 0 when both are empty. */
    public static double jaccard(Set<String> x, Set<String> y) {
        if (x.isEmpty() && y.isEmpty()) {
            return 0;
        }
        int shared = intersectionSize(x, y);
        return (double) shared / (x.size() + y.size() - shared);
    }

    /** Share of x found in y, |x ∩ y| / |x|; 0 when x is empty. */
    public static double shareFoundIn(Set<String> x, Set<String> y) {
        return x.isEmpty() ? 0 : (double) intersectionSize(x, y) / x.size();
    }

    /**
     * Share of codes found on the other side, as a code or inside its squashed text, since one
     * record may write "KDL40V5100" where the other writes "Sony KDL 40V5100".
     */
    public static double codeShareFoundIn(Set<String> codes, Set<String> otherCodes, String otherSquashed) {
        if (codes.isEmpty()) {
            return 0;
        }
        int found = 0;
        for (String code : codes) {
            if (otherCodes.contains(code) || otherSquashed.contains(code)) {
                found++;
            }
        }
        return (double) found / codes.size();
    }

    /** min/max of two non-negative amounts: 1 when equal, towards 0 as they part. */
    public static double closeness(double x, double y) {
        double max = Math.max(x, y);
        return max <= 0 ? 1 : Math.min(x, y) / max;
    }

    /** Shorter length over longer length; 1 when both are empty. */
    public static double lengthRatio(int m, int n) {
        int max = Math.max(m, n);
        return max == 0 ? 1 : (double) Math.min(m, n) / max;
    }

    static CodeAgreement codeAgreement(Set<String> a, Set<String> b, double aInB, double bInA) {
        if (a.isEmpty() && b.isEmpty()) {
            return CodeAgreement.NEITHER_HAS_CODES;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return CodeAgreement.ONE_SIDE_HAS_CODES;
        }
        if (aInB == 1 && bInA == 1) {
            return CodeAgreement.ALL_SHARED;
        }
        return aInB > 0 || bInA > 0 ? CodeAgreement.SOME_SHARED : CodeAgreement.NONE_SHARED;
    }

    private static boolean longCodeShared(Set<String> a, Set<String> b) {
        for (String code : a) {
            if (code.length() >= LONG_CODE && b.contains(code)) {
                return true;
            }
        }
        return false;
    }

    private static int intersectionSize(Set<String> x, Set<String> y) {
        Set<String> smaller = x.size() <= y.size() ? x : y;
        Set<String> larger = smaller == x ? y : x;
        int shared = 0;
        for (String s : smaller) {
            if (larger.contains(s)) {
                shared++;
            }
        }
        return shared;
    }
}
