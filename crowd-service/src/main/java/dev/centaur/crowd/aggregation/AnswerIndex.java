package dev.centaur.crowd.aggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns answers keyed by strings (item id, worker id, label) into {@link Answers}: items and
 * workers get dense indexes in order of first appearance, labels their position in the given label
 * list. Keeps the keys so results can be mapped back to item ids.
 */
public final class AnswerIndex {

    private final List<String> labelOrder;
    private final Map<String, Integer> labelIndexes = new HashMap<>();
    private final Map<String, Integer> itemIndexes = new HashMap<>();
    private final List<String> itemKeys = new ArrayList<>();
    private final Map<String, Integer> workerIndexes = new HashMap<>();
    private final Map<Integer, double[]> modelDistributions = new HashMap<>();
    private final Map<String, Double> workerSkills = new HashMap<>();
    private int[] items = new int[16];
    private int[] workers = new int[16];
    private int[] labels = new int[16];
    private int size;

    /** @param labelOrder the labels in the project's order; label indexes are positions in it */
    public AnswerIndex(List<String> labelOrder) {
        this.labelOrder = List.copyOf(labelOrder);
        for (int i = 0; i < this.labelOrder.size(); i++) {
            labelIndexes.put(this.labelOrder.get(i), i);
        }
    }

    /**
     * Adds one answer.
     *
     * @throws IllegalArgumentException when the label is not one of the label list
     */
    public AnswerIndex add(String item, String worker, String label) {
        Integer labelIndex = labelIndexes.get(label);
        if (labelIndex == null) {
            throw new IllegalArgumentException("label '" + label + "' of item " + item + " is not one of " + labelOrder);
        }
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
            workers = Arrays.copyOf(workers, size * 2);
            labels = Arrays.copyOf(labels, size * 2);
        }
        items[size] = itemIndex(item);
        workers[size] = workerIndexes.computeIfAbsent(worker, w -> workerIndexes.size());
        labels[size] = labelIndex;
        size++;
        return this;
    }

    /** Records the model's distribution for an item (in label order). */
    public AnswerIndex modelDistribution(String item, double[] distribution) {
        modelDistributions.put(itemIndex(item), distribution.clone());
        return this;
    }

    /** Records a worker's prior accuracy (e.g. their smoothed accuracy on control tasks). */
    public AnswerIndex workerSkill(String worker, double skill) {
        workerSkills.put(worker, skill);
        return this;
    }

    private int itemIndex(String item) {
        return itemIndexes.computeIfAbsent(item, key -> {
            itemKeys.add(key);
            return itemKeys.size() - 1;
        });
    }

    /** The indexed answers of everything added so far. */
    public Answers answers() {
        double[][] distributions = new double[itemKeys.size()][];
        modelDistributions.forEach((item, distribution) -> distributions[item] = distribution);
        Answers answers = Answers.of(itemKeys.size(), workerIndexes.size(), labelOrder.size(),
                Arrays.copyOf(items, size), Arrays.copyOf(workers, size),
                Arrays.copyOf(labels, size), distributions);
        if (workerSkills.isEmpty()) {
            return answers;
        }
        double[] skills = new double[workerIndexes.size()];
        Arrays.fill(skills, Double.NaN);
        workerIndexes.forEach((worker, index) -> skills[index] = workerSkills.getOrDefault(worker, Double.NaN));
        return answers.withWorkerSkills(skills);
    }

    /** The index of an item id, or -1 when it has no answer and no distribution. */
    public int indexOfItem(String item) {
        return itemIndexes.getOrDefault(item, -1);
    }

    /** Item ids by index. */
    public List<String> itemKeys() {
        return Collections.unmodifiableList(itemKeys);
    }

    /** Labels by index. */
    public List<String> labelOrder() {
        return labelOrder;
    }
}
