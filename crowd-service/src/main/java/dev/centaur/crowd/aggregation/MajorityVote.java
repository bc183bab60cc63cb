package dev.centaur.crowd.aggregation;

import java.util.Arrays;

/**
 * Majority vote: each item gets the label most of its answers gave. The posterior is the share of
 * votes per label; an item without answers gets the uniform distribution. Ties follow
 * {@link LabelChoice#argmax}: the model's preference, then label order.
 */
public final class MajorityVote implements Aggregator {

    public static final String METHOD = "MV";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregate fit(Answers answers) {
        int itemCount = answers.itemCount();
        int labelCount = answers.labelCount();
        double[][] votes = new double[itemCount][labelCount];
        int[] answerCounts = new int[itemCount];
        int[] items = answers.items();
        int[] labels = answers.labels();
        for (int k = 0; k < items.length; k++) {
            votes[items[k]][labels[k]] += 1;
            answerCounts[items[k]]++;
        }
        int[] chosen = new int[itemCount];
        double[][] posteriors = new double[itemCount][];
        for (int item = 0; item < itemCount; item++) {
            chosen[item] = LabelChoice.argmax(votes[item], answers.modelDistribution(item));
            posteriors[item] = voteShares(votes[item], answerCounts[item]);
        }
        return new Aggregate(chosen, posteriors);
    }

    private static double[] voteShares(double[] votes, int answerCount) {
        double[] shares = new double[votes.length];
        if (answerCount == 0) {
            Arrays.fill(shares, 1.0 / votes.length);
            return shares;
        }
        for (int label = 0; label < votes.length; label++) {
            shares[label] = votes[label] / answerCount;
        }
        return shares;
    }
}
