package dev.centaur.inference.testdata;

import dev.centaur.inference.model.ItemText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small generated data sets whose right answers are known, for tests. */
public final class SyntheticTexts {

    public static final List<String> TOPIC_LABELS = List.of("sports", "tech");
    public static final List<String> MATCH_LABELS = List.of("different", "same");

    private static final String[] SPORTS = {"goal", "match", "team", "score", "player", "league", "coach", "stadium"};
    private static final String[] TECH = {"software", "chip", "laptop", "code", "cloud", "server", "compiler", "kernel"};
    private static final String[] NEUTRAL = {"the", "a", "today", "news", "report", "people", "city", "new", "big",
        "week", "said", "after", "and", "with", "their"};
    private static final String[] PRODUCTS = {"camera", "speaker", "router", "monitor", "headphones", "keyboard"};
    private static final String[] BRANDS = {"Sony", "Canon", "Logitech", "Samsung", "Bose", "Netgear"};

    /** A labelled example: the text and the index of its label. */
    public record Example(ItemText text, int label) {
    }

    private SyntheticTexts() {
    }

    /** Single texts: a few topic words among neutral ones; label 0 = sports, 1 = tech. */
    public static List<Example> topics(int count, long seed) {
        Random random = new Random(seed);
        List<Example> examples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int label = i % 2;
            String[] topic = label == 0 ? SPORTS : TECH;
            StringBuilder text = new StringBuilder();
            int length = 6 + random.nextInt(6);
            for (int w = 0; w < length; w++) {
                boolean topical = random.nextDouble() < 0.35;
                String word = topical ? topic[random.nextInt(topic.length)] : NEUTRAL[random.nextInt(NEUTRAL.length)];
                text.append(w == 0 ? "" : " ").append(word);
            }
            examples.add(new Example(ItemText.single(text.toString()), label));
        }
        return examples;
    }

    /**
     * Product pairs: the same product family on both sides; label 1 when both name the same model
     * code, 0 when B's code differs. Only the overlap of A and B tells them apart.
     */
    public static List<Example> productPairs(int count, long seed) {
        Random random = new Random(seed);
        List<Example> examples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int label = i % 2;
            String brand = BRANDS[random.nextInt(BRANDS.length)];
            String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
            String codeA = code(random);
            String codeB = label == 1 ? codeA : code(random);
            String textA = brand + " " + product + " black - " + codeA + " | $" + (50 + random.nextInt(400)) + ".00";
            String textB = brand + " " + product + " " + codeB + " | " + NEUTRAL[random.nextInt(NEUTRAL.length)];
            examples.add(new Example(ItemText.pair(textA, textB), label));
        }
        return examples;
    }

    private static String code(Random random) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            code.append((char) ('A' + random.nextInt(26)));
        }
        return code.append(100 + random.nextInt(900)).toString();
    }
}
