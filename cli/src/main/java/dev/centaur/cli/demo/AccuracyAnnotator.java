package dev.centaur.cli.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Answers any item from its gold label, right with probability {@code accuracy} and otherwise
 * with one of the other labels at random. The draw depends only on the seed, the annotator and
 * the item, so a run answers the same whatever order the tasks come in.
 */
public final class AccuracyAnnotator implements SimulatedAnnotator {

    private final String name;
    private final double accuracy;
    private final long seed;
    private final Map<String, String> gold;
    private final List<String> labels;

    public AccuracyAnnotator(String name, double accuracy, long seed, Map<String, String> gold, List<String> labels) {
        if (accuracy < 0 || accuracy > 1) {
            throw new IllegalArgumentException("accuracy must be in [0, 1], was " + accuracy);
        }
        this.name = name;
        this.accuracy = accuracy;
        this.seed = seed;
        this.gold = gold;
        this.labels = labels;
    }

    public double accuracy() {
        return accuracy;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> answerableItemIds() {
        return Set.of();
    }

    @Override
    public Optional<String> answer(String itemId) {
        String answeredItem = GoldenProbes.itemIdOf(itemId);
        SplittableRandom random = new SplittableRandom(seed * 31 + ((long) name.hashCode() << 32 ^ answeredItem.hashCode()));
        String truth = gold.get(answeredItem);
        if (truth == null) {
            return Optional.of(labels.get(random.nextInt(labels.size())));
        }
        if (random.nextDouble() < accuracy) {
            return Optional.of(truth);
        }
        int wrong = random.nextInt(labels.size() - 1);
        int truthIndex = labels.indexOf(truth);
        return Optional.of(labels.get(wrong >= truthIndex ? wrong + 1 : wrong));
    }
}
