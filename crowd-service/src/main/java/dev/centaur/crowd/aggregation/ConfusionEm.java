package dev.centaur.crowd.aggregation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The expectation-maximisation shared by the confusion-matrix methods (Dawid-Skene, its one-coin
 * variant and the model-aware variant), following crowd-kit: start from majority-vote posteriors,
 * then alternate the E-step (posteriors from class priors and worker confusion matrices, in log
 * space) and the M-step (priors as mean posteriors, confusion counts clipped below at 1e-10 and
 * normalised per true class) until the log-likelihood per answer improves by less than the
 * tolerance.
 *
 * <p>Each iteration is one pass over the answers grouped by item: the E-step of an item is
 * followed at once by adding its posterior to the next M-step's counts. The pass splits the items
 * across threads, each with its own counts, merged afterwards, so results do not depend on the
 * thread count beyond floating-point summation order.
 */
final class ConfusionEm {

    /** Counts below this are raised to it before normalising, as crowd-kit does, so no log is -infinity. */
    static final double MIN_PROBABILITY = 1e-10;
    /** Fits with fewer answers run on the calling thread: threads cost more than they save. */
    static final int MIN_ANSWERS_PER_THREAD = 200_000;

    /** How a method configures the shared EM. */
    record Settings(boolean oneCoin, boolean modelVoter, int maxIterations, double tolerance,
            double skillPriorStrength, int threads) {
    }

    private final Settings settings;
    private final Answers answers;
    private final ItemGroups groups;
    private final int labelCount;
    private final int workerCount;
    private final double[] posteriors;
    private final double[] logPriors;
    private final double[] logConfusion;
    private final double[] logModelConfusion;

    /** Sufficient statistics of one pass over a range of items. */
    private static final class PassStats {
        final double[] confusionCounts;
        final double[] modelCounts;
        final double[] priorSums;
        double logLikelihood;
        int itemsWithEvidence;

        PassStats(int workerCount, int labelCount) {
            confusionCounts = new double[workerCount * labelCount * labelCount];
            modelCounts = new double[labelCount * labelCount];
            priorSums = new double[labelCount];
        }

        void add(PassStats other) {
            addInto(confusionCounts, other.confusionCounts);
            addInto(modelCounts, other.modelCounts);
            addInto(priorSums, other.priorSums);
            logLikelihood += other.logLikelihood;
            itemsWithEvidence += other.itemsWithEvidence;
        }

        private static void addInto(double[] target, double[] source) {
            for (int i = 0; i < target.length; i++) {
                target[i] += source[i];
            }
        }
    }

    ConfusionEm(Answers answers, Settings settings) {
        this.settings = settings;
        this.answers = answers;
        this.groups = ItemGroups.of(answers);
        this.labelCount = answers.labelCount();
        this.workerCount = answers.workerCount();
        this.posteriors = new double[answers.itemCount() * labelCount];
        this.logPriors = new double[labelCount];
        this.logConfusion = new double[workerCount * labelCount * labelCount];
        this.logModelConfusion = new double[labelCount * labelCount];
    }

    Aggregate fit() {
        ExecutorService pool = threadsFor(groups.size()) > 1 ? Executors.newFixedThreadPool(settings.threads()) : null;
        try {
            maximise(pass(pool, false));
            double previous = Double.NEGATIVE_INFINITY;
            for (int iteration = 0; iteration < settings.maxIterations(); iteration++) {
                PassStats stats = pass(pool, true);
                maximise(stats);
                double perAnswer = stats.logLikelihood / Math.max(1, groups.size());
                if (perAnswer - previous < settings.tolerance()) {
                    break;
                }
                previous = perAnswer;
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return Aggregate.ofFlat(LogSpace.chooseLabels(posteriors, labelCount, answers), posteriors, labelCount);
    }

    private int threadsFor(int answerCount) {
        return Math.max(1, Math.min(settings.threads(), answerCount / MIN_ANSWERS_PER_THREAD));
    }

    /** One pass: the E-step (or, first, majority-vote posteriors) of every item, and the M-step's counts. */
    private PassStats pass(ExecutorService pool, boolean expectation) {
        int itemCount = groups.itemCount;
        if (pool == null) {
            return passRange(0, itemCount, expectation);
        }
        int chunks = settings.threads();
        List<Future<PassStats>> futures = new ArrayList<>(chunks);
        for (int chunk = 0; chunk < chunks; chunk++) {
            int from = (int) ((long) itemCount * chunk / chunks);
            int to = (int) ((long) itemCount * (chunk + 1) / chunks);
            futures.add(pool.submit(() -> passRange(from, to, expectation)));
        }
        PassStats total = null;
        try {
            for (Future<PassStats> future : futures) {
                PassStats stats = future.get();
                if (total == null) {
                    total = stats;
                } else {
                    total.add(stats);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a fitting thread failed", e.getCause());
        }
        return total;
    }

    private PassStats passRange(int fromItem, int toItem, boolean expectation) {
        int k = labelCount;
        PassStats stats = new PassStats(workerCount, k);
        int[] start = groups.start;
        int[] workers = groups.workers;
        int[] labels = groups.labels;
        for (int item = fromItem; item < toItem; item++) {
            double[] model = settings.modelVoter() ? answers.modelDistribution(item) : null;
            boolean hasAnswers = start[item + 1] > start[item];
            int row = item * k;
            if (expectation) {
                for (int c = 0; c < k; c++) {
                    posteriors[row + c] = logPriors[c];
                }
                for (int a = start[item]; a < start[item + 1]; a++) {
                    int base = (workers[a] * k + labels[a]) * k;
                    for (int c = 0; c < k; c++) {
                        posteriors[row + c] += logConfusion[base + c];
                    }
                }
                if (model != null) {
                    addModelVote(model, row);
                }
                double logNormaliser = LogSpace.softmaxInPlace(posteriors, row, k);
                if (hasAnswers || model != null) {
                    stats.logLikelihood += logNormaliser;
                }
            } else {
                initialise(item, row, model);
            }
            if (!hasAnswers && model == null) {
                continue;
            }
            stats.itemsWithEvidence++;
            for (int c = 0; c < k; c++) {
                stats.priorSums[c] += posteriors[row + c];
            }
            for (int a = start[item]; a < start[item + 1]; a++) {
                int base = (workers[a] * k + labels[a]) * k;
                for (int c = 0; c < k; c++) {
                    stats.confusionCounts[base + c] += posteriors[row + c];
                }
            }
            if (model != null) {
                int base = modelLabel(model) * k;
                for (int c = 0; c < k; c++) {
                    stats.modelCounts[base + c] += posteriors[row + c];
                }
            }
        }
        return stats;
    }

    /**
     * The model's vote: its most probable label, weighed by the model's learned confusion matrix
     * like a worker's answer. (A soft vote, the expected log-probability of the distribution, was
     * tried first: it tempers a 90%-accurate model to the weight of about one 60% worker.)
     */
    private void addModelVote(double[] model, int row) {
        int base = modelLabel(model) * labelCount;
        for (int c = 0; c < labelCount; c++) {
            posteriors[row + c] += logModelConfusion[base + c];
        }
    }

    private int modelLabel(double[] model) {
        return LabelChoice.argmax(model, null);
    }

    /**
     * Majority-vote shares. With the model as a voter its distribution is one more (soft) vote, so
     * that items with a single answer do not start out certain of it, which would be a fixed point.
     */
    private void initialise(int item, int row, double[] model) {
        int k = labelCount;
        int count = groups.answerCount(item);
        double votes = count + (model != null ? 1 : 0);
        for (int c = 0; c < k; c++) {
            posteriors[row + c] = votes == 0 ? 1.0 / k : (model != null ? model[c] / votes : 0);
        }
        for (int a = groups.start[item]; a < groups.start[item + 1]; a++) {
            posteriors[row + groups.labels[a]] += 1.0 / votes;
        }
    }

    /** The M-step: priors and (log) confusion matrices from the pass's counts. */
    private void maximise(PassStats stats) {
        int k = labelCount;
        for (int c = 0; c < k; c++) {
            logPriors[c] = Math.log(Math.max(stats.priorSums[c] / Math.max(1, stats.itemsWithEvidence),
                    MIN_PROBABILITY));
        }
        double[] counts = stats.confusionCounts;
        for (int worker = 0; worker < workerCount; worker++) {
            int base = worker * k * k;
            if (settings.skillPriorStrength() > 0 && !Double.isNaN(answers.workerSkill(worker))) {
                addSkillPrior(counts, base, answers.workerSkill(worker));
            }
            if (settings.oneCoin()) {
                oneCoinLogConfusion(counts, base);
            } else {
                normalisedLogConfusion(counts, base, logConfusion);
            }
        }
        if (settings.modelVoter()) {
            normalisedLogConfusion(stats.modelCounts, 0, logModelConfusion);
        }
    }

    /** A worker's known skill as pseudo-answers: strength per true class, skill of them correct. */
    private void addSkillPrior(double[] counts, int base, double skill) {
        int k = labelCount;
        double strength = settings.skillPriorStrength();
        for (int observed = 0; observed < k; observed++) {
            for (int c = 0; c < k; c++) {
                counts[base + observed * k + c] += observed == c ? strength * skill
                        : strength * (1 - skill) / (k - 1);
            }
        }
    }

    /** Per true class, the clipped counts of each observed label divided by their sum. */
    private void normalisedLogConfusion(double[] counts, int base, double[] target) {
        int k = labelCount;
        for (int c = 0; c < k; c++) {
            double total = 0;
            for (int observed = 0; observed < k; observed++) {
                total += Math.max(counts[base + observed * k + c], MIN_PROBABILITY);
            }
            double logTotal = Math.log(total);
            for (int observed = 0; observed < k; observed++) {
                target[base + observed * k + c] = Math.log(Math.max(counts[base + observed * k + c],
                        MIN_PROBABILITY)) - logTotal;
            }
        }
    }

    /** One coin: the worker is right with probability skill, and otherwise picks a wrong label uniformly. */
    private void oneCoinLogConfusion(double[] counts, int base) {
        int k = labelCount;
        double correct = 0;
        double total = 0;
        for (int observed = 0; observed < k; observed++) {
            for (int c = 0; c < k; c++) {
                total += counts[base + observed * k + c];
                if (observed == c) {
                    correct += counts[base + observed * k + c];
                }
            }
        }
        double skill = total == 0 ? 1.0 / k : correct / total;
        double logRight = Math.log(Math.min(Math.max(skill, MIN_PROBABILITY), 1 - MIN_PROBABILITY));
        double logWrong = Math.log(Math.min(Math.max((1 - skill) / (k - 1), MIN_PROBABILITY), 1 - MIN_PROBABILITY));
        for (int observed = 0; observed < k; observed++) {
            for (int c = 0; c < k; c++) {
                logConfusion[base + observed * k + c] = observed == c ? logRight : logWrong;
            }
        }
    }
}
