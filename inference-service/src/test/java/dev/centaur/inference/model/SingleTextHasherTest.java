package dev.centaur.inference.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The allocation-free hashing of single texts must give exactly the buckets of the string form. */
class SingleTextHasherTest {

    private static void assertSameAsStrings(String text, FeatureConfig config) {
        assertArrayEquals(Featurizer.singleTextBucketsAsStrings(text, config),
                new Featurizer(config).featurize(ItemText.single(text)).buckets(), text);
    }

    @Test
    void matchesTheStringFormOnPlainAndAccentedTextAndEmoji() {
        FeatureConfig config = FeatureConfig.of(32768, 8, 400, 3, 10);
        for (String text : List.of("Good movie, good MOVIE!", "a", "I", "naïve café über 4GB", "ok 😀 great😀x",
                "Free entry in 2 a wkly comp to win FA Cup final tkts 21st May 2005.", "   ", "日本語のテキスト")) {
            assertSameAsStrings(text, config);
        }
    }

    @Test
    void matchesTheStringFormWhenTheCapCutsAndForOtherGramLengths() {
        Random random = new Random(7);
        String alphabet = "abcdeé 😀xyz01";
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            int cap = 1 + random.nextInt(60);
            int gram = 2 + random.nextInt(3);
            assertSameAsStrings(text.toString(), FeatureConfig.of(1 + random.nextInt(5000), 8, cap, gram, 10));
        }
    }
}
