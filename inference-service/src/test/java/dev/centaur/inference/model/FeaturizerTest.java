package dev.centaur.inference.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FeaturizerTest {

    private static final FeatureConfig CONFIG = FeatureConfig.of(1 << 20, 8, 400, 3, 10);
    private final Featurizer featurizer = new Featurizer(CONFIG);

    private static int[] sorted(int[] values) {
        int[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    @Test
    void hashIsFnv1a64() {
        // Published FNV-1a 64-bit test vectors.
        assertEquals(0xcbf29ce484222325L, Featurizer.hash(""));
        assertEquals(0xaf63dc4c8601ec8cL, Featurizer.hash("a"));
        assertEquals(0x85944171f73967e8L, Featurizer.hash("foobar"));
    }

    @Test
    void bucketsStayInRangeEvenForNegativeHashes() {
        for (String feature : new String[] {"a", "foobar", "w:hello", "S:c:ts4gusdhc6"}) {
            int bucket = Featurizer.bucket(feature, 1000);
            assertTrue(bucket >= 0 && bucket < 1000, feature + " -> " + bucket);
        }
    }

    @Test
    void binsAreEqualWidthWithOneInTheLastBin() {
        assertEquals(0, Featurizer.bin(0.0, 10));
        assertEquals(3, Featurizer.bin(0.35, 10));
        assertEquals(9, Featurizer.bin(1.0, 10));
    }

    @Test
    void singleTextGivesUnigramsBigramsAndCharNgrams() {
        ItemFeatures features = featurizer.featurize(ItemText.single("good movie"));
        // 2 words + 1 bigram + char trigrams of <good> (4) and <movie> (5).
        assertEquals(2 + 1 + 4 + 5, features.buckets().length);
        assertTrue(IntStream.of(features.buckets()).anyMatch(b -> b == Featurizer.bucket("w:good", CONFIG.buckets())));
        assertTrue(IntStream.of(features.buckets()).anyMatch(b -> b == Featurizer.bucket("b:good movie", CONFIG.buckets())));
        assertTrue(IntStream.of(features.buckets()).anyMatch(b -> b == Featurizer.bucket("c:<go", CONFIG.buckets())));
        assertArrayEquals(new float[CONFIG.denseSize()], features.dense());
    }

    @Test
    void featuresAreDeterministic() {
        ItemText pair = ItemText.pair("Sony TV KDL40 | $500", "Sony KDL40 television");
        assertArrayEquals(featurizer.featurize(pair).buckets(), featurizer.featurize(pair).buckets());
        assertArrayEquals(featurizer.featurize(pair).dense(), featurizer.featurize(pair).dense());
    }

    @Test
    void pairSidesAreNotOneBagOfBothTexts() {
        // Same words overall, but "red" moves from side A to side B: a bag of both texts could not
        // tell these apart; namespaced sides and overlap features must.
        ItemFeatures first = featurizer.featurize(ItemText.pair("red apple", "apple"));
        ItemFeatures second = featurizer.featurize(ItemText.pair("apple", "red apple"));
        assertFalse(Arrays.equals(sorted(first.buckets()), sorted(second.buckets())));
        assertFalse(Arrays.equals(first.dense(), second.dense()));
        assertTrue(IntStream.of(first.buckets()).anyMatch(b -> b == Featurizer.bucket("S:w:apple", CONFIG.buckets())));
        assertTrue(IntStream.of(first.buckets()).anyMatch(b -> b == Featurizer.bucket("A:w:red", CONFIG.buckets())));
        assertTrue(IntStream.of(second.buckets()).anyMatch(b -> b == Featurizer.bucket("X:w:red", CONFIG.buckets())));
    }

    @Test
    void pairCarriesTheDenseOverlapVector() {
        ItemFeatures features = featurizer.featurize(ItemText.pair("Sony KDL40 TV", "Sony KDL40 TV"));
        assertEquals(1f, features.dense()[0]);
        assertEquals(1f, features.dense()[Arrays.asList(OverlapFeatures.NAMES).indexOf("word_jaccard")]);
    }

    @Test
    void featuresAreCutAtTheConfiguredMaximumKeepingOverlapFirst() {
        Featurizer small = new Featurizer(FeatureConfig.of(1 << 20, 8, 5, 3, 10));
        ItemFeatures features = small.featurize(ItemText.pair("one two three four five six", "one two seven"));
        assertEquals(5, features.buckets().length);
        assertEquals(Featurizer.bucket("Q:wj:" + Featurizer.bin(2.0 / 7, 10), 1 << 20), features.buckets()[0]);
    }

    @Test
    void featureConfigRoundTripsThroughJson() {
        assertEquals(CONFIG, FeatureConfig.fromJson(CONFIG.toJson()));
    }
}
