package dev.centaur.inference.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded, stratified split of example indices into a training part and a held-out part.
 *
 * <p>Each label holds out round(n * fraction) of its n examples but keeps at least one for
 * training; when rounding holds out nothing at all (tiny sets), one example of the largest label
 * is held out so there is something to measure and calibrate on.
 */
public record HoldoutSplit(int[] train, int[] heldOut) {

    public static HoldoutSplit stratified(int[] labels, int labelCount, double fraction, long seed) {
        return stratified(labels, labelCount, fraction, seed, null);
    }

    /**
     * As above, but only examples marked eligible may be held out (the rest always train), and the
     * share is of the eligible ones: labels of doubtful origin are learnt from, never measured on.
     *
     * @param eligible null when every example is
     */
    public static HoldoutSplit stratified(int[] labels, int labelCount, double fraction, long seed,
            boolean[] eligible) {
        if (fraction < 0 || fraction >= 1) {
            throw new IllegalArgumentException("holdout fraction must be in [0, 1): " + fraction);
        }
        List<List<Integer>> byLabel = new ArrayList<>();
        for (int label = 0; label < labelCount; label++) {
            byLabel.add(new ArrayList<>());
        }
        List<Integer> neverHeld = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (eligible == null || eligible[i]) {
                byLabel.get(labels[i]).add(i);
            } else {
                neverHeld.add(i);
            }
        }
        Random random = new Random(seed);
        int[] heldCounts = new int[labelCount];
        int totalHeld = 0;
        int largest = 0;
        for (int label = 0; label < labelCount; label++) {
            List<Integer> group = byLabel.get(label);
            Collections.shuffle(group, random);
            heldCounts[label] = Math.max(0, Math.min(group.size() - 1, (int) Math.round(group.size() * fraction)));
            totalHeld += heldCounts[label];
            if (group.size() > byLabel.get(largest).size()) {
                largest = label;
            }
        }
        if (fraction > 0 && totalHeld == 0 && byLabel.get(largest).size() >= 2) {
            heldCounts[largest] = 1;
        }
        List<Integer> train = new ArrayList<>(neverHeld);
        List<Integer> held = new ArrayList<>();
        for (int label = 0; label < labelCount; label++) {
            List<Integer> group = byLabel.get(label);
            held.addAll(group.subList(0, heldCounts[label]));
            train.addAll(group.subList(heldCounts[label], group.size()));
        }
        return new HoldoutSplit(sorted(train), sorted(held));
    }

    private static int[] sorted(List<Integer> indices) {
        int[] array = indices.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(array);
        return array;
    }
}
