package dev.centaur.inference.model;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns an item into hashed sparse features and a dense overlap vector.
 *
 * <p>A single text gives word unigrams, word bigrams and character n-grams. A pair gives three
 * groups (see {@link ItemFeatures}): the overlap values quantized into bins (so the linear layer
 * can weigh "codes agree and names overlap a lot" differently from "codes agree" alone, and
 * crosses of the two); the codes, words and bigrams both sides share and the words only B has;
 * and the words and bigrams of each side in its own namespace (so "A mentions x" and "B mentions
 * x" differ). The overlap values also travel as a dense vector. Features are added in order of
 * expected value and cut at {@code maxFeatures}.
 */
public final class Featurizer {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** Coarser bins for the crossed features, so each cross still sees enough examples. */
    private static final int CROSS_BINS = 5;

    private final FeatureConfig config;

    public Featurizer(FeatureConfig config) {
        this.config = config;
    }

    public FeatureConfig config() {
        return config;
    }

    public ItemFeatures featurize(ItemText item) {
        return item.isPair() ? pair(item.textA(), item.textB()) : single(item.text());
    }

    /**
     * Word unigrams ("w:"), bigrams ("b:") and character n-grams ("c:"), distinct, in that order,
     * up to the cap. Hashed without a string per feature (the hot path of short-text prediction).
     */
    private ItemFeatures single(String text) {
        int[] buckets = SingleTextHasher.buckets(TextAnalysis.words(text), config.charNgram(), config.maxFeatures(),
                config.buckets());
        return new ItemFeatures(buckets, 0, 0, new float[config.denseSize()]);
    }

    /** The features of a single text built as strings: the reference the fast path must equal. */
    static int[] singleTextBucketsAsStrings(String text, FeatureConfig config) {
        TextSide side = TextSide.of(text, config.charNgram());
        FeatureList features = new FeatureList(config.maxFeatures());
        features.addAll("w:", side.words());
        features.addAll("b:", side.bigramSet());
        features.addAll("c:", side.charNgramSet());
        return features.buckets(config.buckets());
    }

    private ItemFeatures pair(String textA, String textB) {
        TextSide a = TextSide.of(textA, config.charNgram());
        TextSide b = TextSide.of(textB, config.charNgram());
        OverlapFeatures.Overlap overlap = OverlapFeatures.of(a, b);
        FeatureList features = new FeatureList(config.maxFeatures());
        addQuantizedOverlap(features, overlap);
        int sharedStart = features.size();
        features.addAll("S:c:", intersection(a.codes(), b.codes()));
        features.addAll("S:w:", intersection(a.wordSet(), b.wordSet()));
        features.addAll("S:b:", intersection(a.bigramSet(), b.bigramSet()));
        features.addAll("X:w:", difference(b.wordSet(), a.wordSet()));
        int sidesStart = features.size();
        features.addAll("B:w:", b.wordSet());
        features.addAll("A:w:", a.wordSet());
        features.addAll("B:b:", b.bigramSet());
        features.addAll("A:b:", a.bigramSet());
        return new ItemFeatures(features.buckets(config.buckets()), sharedStart, sidesStart, overlap.dense());
    }

    private void addQuantizedOverlap(FeatureList features, OverlapFeatures.Overlap overlap) {
        float[] v = overlap.dense();
        int bins = config.quantizationBins();
        String codes = overlap.codeAgreement().name();
        features.add("Q:wj:" + bin(v[1], bins));
        features.add("Q:bina:" + bin(v[2], bins));
        features.add("Q:ainb:" + bin(v[3], bins));
        features.add("Q:cj:" + bin(v[4], bins));
        features.add("Q:cbina:" + bin(v[5], bins));
        features.add("Q:hj:" + bin(v[7], bins));
        features.add("Q:codes:" + codes);
        features.add("Q:codes*wj:" + codes + bin(v[1], CROSS_BINS));
        features.add("Q:codes*hj:" + codes + bin(v[7], CROSS_BINS));
        features.add("Q:len:" + bin(v[16], CROSS_BINS));
        if (v[15] > 0) {
            features.add("Q:nums:" + bin(v[14], CROSS_BINS));
        }
        if (v[18] > 0) {
            features.add("Q:price:" + bin(v[17], CROSS_BINS));
        }
        features.add("Q:neg:" + (int) v[19]);
    }

    /** The bin of a value in [0, 1] among {@code bins} equal-width bins (1 falls in the last). */
    public static int bin(double value, int bins) {
        return Math.max(0, Math.min(bins - 1, (int) Math.floor(value * bins)));
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: stable across JVMs and runs, unlike identity hashes. */
    public static long hash(String feature) {
        long hash = FNV_OFFSET;
        for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    public static int bucket(String feature, int buckets) {
        return (int) Long.remainderUnsigned(hash(feature), buckets);
    }

    private static Set<String> intersection(Set<String> x, Set<String> y) {
        Set<String> shared = new LinkedHashSet<>(x);
        shared.retainAll(y);
        return shared;
    }

    private static Set<String> difference(Set<String> x, Set<String> y) {
        Set<String> rest = new LinkedHashSet<>(x);
        rest.removeAll(y);
        return rest;
    }

    /** Distinct feature strings in insertion order, up to a cap. */
    private static final class FeatureList {
        private final Set<String> features = new LinkedHashSet<>();
        private final int cap;

        FeatureList(int cap) {
            this.cap = cap;
        }

        void add(String feature) {
            if (features.size() < cap) {
                features.add(feature);
            }
        }

        void addAll(String namespace, Iterable<String> values) {
            for (String value : values) {
                if (features.size() >= cap) {
                    return;
                }
                features.add(namespace + value);
            }
        }

        int size() {
            return features.size();
        }

        int[] buckets(int buckets) {
            int[] ids = new int[features.size()];
            int i = 0;
            for (String feature : features) {
                ids[i++] = bucket(feature, buckets);
            }
            return ids;
        }
    }
}
