package dev.centaur.crowd.aggregation;

import java.util.Arrays;

/**
 * Worker Agreement with Aggregate (crowd-kit's {@code Wawa}): majority vote first, then each
 * worker's skill is the share of their answers that agree with the majority label, and the final
 * label is a majority vote weighted by those skills. The posterior is the skill-weighted vote share.
 */
public final class Wawa implements Aggregator {

    public static final String METHOD = "Wawa";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregate fit(Answers answers) {
        int labelCount = answers.labelCount();
        Aggregate majority = new MajorityVote().fit(answers);
        int[] items = answers.items();
        int[] workers = answers.workers();
        int[] labels = answers.labels();
        double[] agreements = new double[answers.workerCount()];
        double[] workerAnswers = new double[answers.workerCount()];
        for (int k = 0; k < items.length; k++) {
            workerAnswers[workers[k]]++;
            if (labels[k] == majority.label(items[k])) {
                agreements[workers[k]]++;
            }
        }
        double[] skills = new double[agreements.length];
        for (int worker = 0; worker < skills.length; worker++) {
            skills[worker] = workerAnswers[worker] == 0 ? 0 : agreements[worker] / workerAnswers[worker];
        }
        double[] votes = new double[answers.itemCount() * labelCount];
        for (int k = 0; k < items.length; k++) {
            votes[items[k] * labelCount + labels[k]] += skills[workers[k]];
        }
        for (int item = 0; item < answers.itemCount(); item++) {
            normalise(votes, item * labelCount, labelCount);
        }
        return Aggregate.ofFlat(LogSpace.chooseLabels(votes, labelCount, answers), votes, labelCount);
    }

    /** Weighted votes to shares; an item without (positively weighted) votes gets the uniform distribution. */
    private static void normalise(double[] votes, int offset, int labelCount) {
        double total = 0;
        for (int label = 0; label < labelCount; label++) {
            total += votes[offset + label];
        }
        if (total <= 0) {
            Arrays.fill(votes, offset, offset + labelCount, 1.0 / labelCount);
            return;
        }
        for (int label = 0; label < labelCount; label++) {
            votes[offset + label] /= total;
        }
    }
}
