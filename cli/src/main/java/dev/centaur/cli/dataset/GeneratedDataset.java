package dev.centaur.cli.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded synthetic data set: short news-like texts in three topics, built from topic words and
 * shared filler words. Most items are clear, some mix two topics and some carry almost no topic
 * words, so a model trained on a few hundred of them is good but not perfect. Gold labels are
 * known for every item; the simulated crowd is a set of annotators with accuracies in
 * [0.55, 0.95] who answer from gold.
 */
public final class GeneratedDataset {

    public static final List<String> LABELS = List.of("sports", "politics", "science");

    /** Share of items mixing two topics, and of items with at most one topic word. */
    static final double AMBIGUOUS_SHARE = 0.18;
    static final double WEAK_SHARE = 0.10;
    static final double MIN_ACCURACY = 0.55;
    static final double MAX_ACCURACY = 0.95;

    private static final List<List<String>> TOPIC_WORDS = List.of(
            List.of("match", "goal", "coach", "season", "striker", "league", "tournament", "referee",
                    "stadium", "championship", "playoff", "defender", "goalkeeper", "inning", "sprint",
                    "medal", "racket", "penalty", "midfielder", "transfer", "derby", "marathon"),
            List.of("election", "senate", "minister", "vote", "parliament", "policy", "campaign",
                    "candidate", "ballot", "governor", "treaty", "coalition", "lawmakers", "reform",
                    "budget", "diplomat", "cabinet", "referendum", "opposition", "mayor", "veto", "embassy"),
            List.of("experiment", "molecule", "telescope", "genome", "physics", "laboratory",
                    "hypothesis", "protein", "galaxy", "particle", "climate", "fossil", "neuron",
                    "quantum", "enzyme", "orbit", "species", "vaccine", "reactor", "microbe", "asteroid", "cells"));

    private static final List<String> SHARED_WORDS = List.of(
            "the", "a", "new", "report", "people", "said", "week", "announced", "big", "after", "major",
            "first", "city", "country", "year", "group", "plan", "results", "news", "record", "today",
            "team", "win", "national", "leaders", "study", "debate", "race", "record", "final", "team",
            "young", "public", "officials", "early", "late", "surprise", "historic", "local", "world");

    /** A simulated annotator of the generated crowd. */
    public record AnnotatorProfile(String name, double accuracy) {
    }

    private final Dataset dataset;
    private final List<AnnotatorProfile> annotators;

    private GeneratedDataset(Dataset dataset, List<AnnotatorProfile> annotators) {
        this.dataset = dataset;
        this.annotators = annotators;
    }

    public static GeneratedDataset generate(long seed, int itemCount, int annotatorCount) {
        if (itemCount < LABELS.size()) {
            throw new IllegalArgumentException("itemCount must be at least " + LABELS.size() + ", was " + itemCount);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] classes = balancedClasses(itemCount, random);
        int idWidth = Math.max(5, String.valueOf(itemCount - 1).length());
        List<DatasetItem> items = new ArrayList<>(itemCount);
        Map<String, String> gold = new LinkedHashMap<>();
        for (int i = 0; i < itemCount; i++) {
            String id = "gen-" + String.format("%0" + idWidth + "d", i);
            items.add(DatasetItem.single(id, text(classes[i], random)));
            gold.put(id, LABELS.get(classes[i]));
        }
        String instructions = "What is the text about? Answer with one of: " + String.join(", ", LABELS) + ".";
        Dataset dataset = new Dataset("generated", instructions, LABELS, items, gold, Map.of());
        return new GeneratedDataset(dataset, annotatorProfiles(seed, annotatorCount));
    }

    /** Simulated annotators with seeded accuracies, uniform in [0.55, 0.95]. */
    public static List<AnnotatorProfile> annotatorProfiles(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<AnnotatorProfile> annotators = new ArrayList<>(count);
        for (int a = 0; a < count; a++) {
            double accuracy = MIN_ACCURACY + (MAX_ACCURACY - MIN_ACCURACY) * random.nextDouble();
            annotators.add(new AnnotatorProfile(String.format("annotator-%02d", a + 1), accuracy));
        }
        return List.copyOf(annotators);
    }

    public Dataset dataset() {
        return dataset;
    }

    public List<AnnotatorProfile> annotators() {
        return annotators;
    }

    /** The words that point at one topic (for tests that check how clear items are). */
    static List<String> topicWords(String label) {
        return TOPIC_WORDS.get(LABELS.indexOf(label));
    }

    /** Class indices with each class used equally often (up to one), in a seeded order. */
    private static int[] balancedClasses(int itemCount, SplittableRandom random) {
        int[] classes = new int[itemCount];
        for (int i = 0; i < itemCount; i++) {
            classes[i] = i % LABELS.size();
        }
        for (int i = itemCount - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = classes[i];
            classes[i] = classes[j];
            classes[j] = swap;
        }
        return classes;
    }

    private static String text(int topic, SplittableRandom random) {
        double kind = random.nextDouble();
        List<String> words = new ArrayList<>();
        if (kind < WEAK_SHARE) {
            addWords(words, TOPIC_WORDS.get(topic), random.nextInt(2), random);
            addWords(words, SHARED_WORDS, 6 + random.nextInt(4), random);
        } else if (kind < WEAK_SHARE + AMBIGUOUS_SHARE) {
            int other = (topic + 1 + random.nextInt(LABELS.size() - 1)) % LABELS.size();
            addWords(words, TOPIC_WORDS.get(topic), 2, random);
            addWords(words, TOPIC_WORDS.get(other), 1 + random.nextInt(2), random);
            addWords(words, SHARED_WORDS, 4 + random.nextInt(4), random);
        } else {
            addWords(words, TOPIC_WORDS.get(topic), 2 + random.nextInt(3), random);
            addWords(words, SHARED_WORDS, 4 + random.nextInt(5), random);
        }
        for (int i = words.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            words.set(i, words.set(j, words.get(i)));
        }
        return String.join(" ", words);
    }

    private static void addWords(List<String> words, List<String> vocabulary, int count, SplittableRandom random) {
        for (int i = 0; i < count; i++) {
            words.add(vocabulary.get(random.nextInt(vocabulary.size())));
        }
    }
}
