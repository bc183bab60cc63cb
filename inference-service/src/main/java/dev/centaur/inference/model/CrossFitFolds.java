package dev.centaur.inference.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded stratified K-fold partition of example indices: each label dealt round-robin over the folds. */
public final class CrossFitFolds {

    private CrossFitFolds() {
    }

    /**
     * @param indices the examples to partition (indices into {@code labels})
     * @return {@code k} disjoint sorted folds covering {@code indices}, sizes within one per label
     */
    public static int[][] stratified(int[] indices, int[] labels, int labelCount, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("need at least 2 folds: " + k);
        }
        List<List<Integer>> byLabel = new ArrayList<>();
        for (int label = 0; label < labelCount; label++) {
            byLabel.add(new ArrayList<>());
        }
        for (int index : indices) {
            byLabel.get(labels[index]).add(index);
        }
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        int next = 0;
        for (List<Integer> group : byLabel) {
            Collections.shuffle(group, random);
            for (int index : group) {
                folds.get(next).add(index);
                next = (next + 1) % k; // continue across labels so small labels do not pile into fold 0
            }
        }
        int[][] result = new int[k][];
        for (int f = 0; f < k; f++) {
            result[f] = folds.get(f).stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(result[f]);
        }
        return result;
    }

    /** The indices of {@code all} not in {@code fold} (both sorted). */
    public static int[] complement(int[] all, int[] fold) {
        int[] rest = new int[all.length - fold.length];
        int r = 0;
        int f = 0;
        for (int index : all) {
            if (f < fold.length && fold[f] == index) {
                f++;
            } else {
                rest[r++] = index;
            }
        }
        return rest;
    }
}
