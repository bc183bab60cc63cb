package dev.centaur.crowd.aggregation;

import java.util.SplittableRandom;

/**
 * Generated crowd answers with a known truth: items with uniformly drawn true labels, workers of
 * varied skill (accuracy drawn from [minSkill, maxSkill]) who answer wrongly with a uniformly
 * chosen other label, and a fixed number of distinct workers per item. Seeded, so reproducible.
 */
public final class SyntheticCrowd {

    public final int[] truth;
    public final double[] skills;
    public final Answers answers;

    private SyntheticCrowd(int[] truth, double[] skills, Answers answers) {
        this.truth = truth;
        this.skills = skills;
        this.answers = answers;
    }

    public static SyntheticCrowd generate(long seed, int itemCount, int workerCount, int labelCount,
            int answersPerItem, double minSkill, double maxSkill) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] skills = new double[workerCount];
        for (int worker = 0; worker < workerCount; worker++) {
            skills[worker] = minSkill + (maxSkill - minSkill) * random.nextDouble();
        }
        int[] truth = new int[itemCount];
        int size = itemCount * answersPerItem;
        int[] items = new int[size];
        int[] workers = new int[size];
        int[] labels = new int[size];
        int[] chosen = new int[answersPerItem];
        int k = 0;
        for (int item = 0; item < itemCount; item++) {
            truth[item] = random.nextInt(labelCount);
            for (int a = 0; a < answersPerItem; a++) {
                chosen[a] = distinctWorker(random, workerCount, chosen, a);
                int worker = chosen[a];
                int label = truth[item];
                if (random.nextDouble() >= skills[worker]) {
                    label = (truth[item] + 1 + random.nextInt(labelCount - 1)) % labelCount;
                }
                items[k] = item;
                workers[k] = worker;
                labels[k] = label;
                k++;
            }
        }
        return new SyntheticCrowd(truth, skills, Answers.of(itemCount, workerCount, labelCount, items, workers,
                labels));
    }

    private static int distinctWorker(SplittableRandom random, int workerCount, int[] chosen, int taken) {
        while (true) {
            int candidate = random.nextInt(workerCount);
            boolean seen = false;
            for (int i = 0; i < taken && !seen; i++) {
                seen = chosen[i] == candidate;
            }
            if (!seen) {
                return candidate;
            }
        }
    }

    /** The share of items whose aggregated label is the true one. */
    public double accuracy(Aggregate aggregate) {
        int correct = 0;
        for (int item = 0; item < truth.length; item++) {
            correct += aggregate.label(item) == truth[item] ? 1 : 0;
        }
        return (double) correct / truth.length;
    }
}
