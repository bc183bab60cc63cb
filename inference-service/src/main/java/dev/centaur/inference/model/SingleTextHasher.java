package dev.centaur.inference.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The hashed features of a single text without building a string per feature: word unigrams
 * ("w:"), bigrams ("b:" word ' ' word) and padded character n-grams ("c:"), hashed by FNV-1a over
 * the same UTF-8 bytes as {@link Featurizer#hash(String)} of the concatenated feature string, so
 * the buckets are exactly those of the string form (a test holds them equal). Distinct features
 * are kept in first-seen order up to the cap; "distinct" compares 64-bit hashes, which for a few
 * hundred features per text is the same as comparing strings.
 */
final class SingleTextHasher {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long WORD = prefix("w:");
    private static final long BIGRAM = prefix("b:");
    private static final long CHAR_GRAM = prefix("c:");
    private static final char PAD_START = '<';
    private static final char PAD_END = '>';

    private final int cap;
    private final int buckets;
    private final int[] ids;
    private int size;
    /** Open-addressing set of the 64-bit hashes seen (0 marks a free slot; hash 0 is remapped). */
    private final long[] seen;

    private SingleTextHasher(int cap, int buckets) {
        this.cap = cap;
        this.buckets = buckets;
        this.ids = new int[cap];
        this.seen = new long[Integer.highestOneBit(Math.max(4, cap) * 4)];
    }

    static int[] buckets(List<String> words, int charNgram, int cap, int buckets) {
        SingleTextHasher hasher = new SingleTextHasher(cap, buckets);
        for (String word : words) {
            hasher.add(hashChars(WORD, word, 0, word.length()));
        }
        for (int i = 1; i < words.size(); i++) {
            long hash = hashChars(BIGRAM, words.get(i - 1), 0, words.get(i - 1).length());
            hash = step(hash, ' ');
            hasher.add(hashChars(hash, words.get(i), 0, words.get(i).length()));
        }
        for (String word : words) {
            int paddedLength = word.length() + 2;
            for (int i = 0; i + charNgram <= paddedLength; i++) {
                hasher.add(paddedGram(word, i, charNgram));
            }
        }
        return hasher.size == cap ? hasher.ids : Arrays.copyOf(hasher.ids, hasher.size);
    }

    private void add(long hash) {
        if (size >= cap) {
            return;
        }
        long key = hash == 0 ? 1 : hash;
        int mask = seen.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (seen[slot] != 0) {
            if (seen[slot] == key) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        seen[slot] = key;
        ids[size++] = (int) Long.remainderUnsigned(hash, buckets);
    }

    /** The gram of {@code '<' + word + '>'} starting at {@code from}, with the "c:" prefix. */
    private static long paddedGram(String word, int from, int n) {
        int to = from + n;
        long hash = CHAR_GRAM;
        int paddedLength = word.length() + 2;
        if (from == 0) {
            hash = step(hash, PAD_START);
        }
        int wordFrom = Math.max(0, from - 1);
        int wordTo = Math.min(word.length(), to - 1);
        if (wordFrom < wordTo) {
            hash = hashChars(hash, word, wordFrom, wordTo);
        }
        if (to == paddedLength) {
            hash = step(hash, PAD_END);
        }
        return hash;
    }

    /** Continues a hash over the UTF-8 bytes of {@code text[from, to)}. */
    private static long hashChars(long hash, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // Rare: encode the rest as String.getBytes would (surrogates and all).
                for (byte b : text.substring(i, to).getBytes(StandardCharsets.UTF_8)) {
                    hash = (hash ^ (b & 0xff)) * FNV_PRIME;
                }
                return hash;
            }
            hash = (hash ^ c) * FNV_PRIME;
        }
        return hash;
    }

    private static long step(long hash, char asciiChar) {
        return (hash ^ asciiChar) * FNV_PRIME;
    }

    private static long prefix(String ascii) {
        return hashChars(FNV_OFFSET, ascii, 0, ascii.length());
    }
}
