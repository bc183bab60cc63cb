package dev.centaur.crowd.aggregation;

import java.util.Arrays;

/**
 * GLAD (Whitehill et al. 2009; crowd-kit's {@code GLAD}): worker {@code w} answers item {@code i}
 * correctly with probability sigmoid(alpha_w * exp(beta_i)), wrong labels being equally likely.
 * EM with crowd-kit's defaults: uniform label priors, alpha = beta = 1 at the start with standard
 * normal priors centred on 1, at most 100 EM iterations stopping when the expected log-likelihood
 * per (answer, label) improves by less than 1e-5, and an M-step of at most 25 conjugate-gradient
 * steps (Polak-Ribiere, backtracking line search) stopping when no gradient component exceeds
 * 1e-2. A known worker skill s sets that worker's starting alpha to logit(s).
 */
public final class Glad implements Aggregator {

    public static final String METHOD = "GLAD";
    static final int MAX_ITERATIONS = 100;
    static final double TOLERANCE = 1e-5;
    static final int M_STEP_MAX_ITERATIONS = 25;
    static final double M_STEP_GRADIENT_TOLERANCE = 1e-2;
    static final double PRIOR_MEAN = 1;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 40;

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregate fit(Answers answers) {
        return new Fit(answers).run();
    }

    /** The state of one fit: parameters x = (alpha per worker, beta per item). */
    private static final class Fit {
        final Answers answers;
        final ItemGroups groups;
        final int k;
        final int workerCount;
        final double logWrongShare;
        final double[] posteriors;
        /** Posterior probability that answer a (in group order) is right, from the last E-step. */
        final double[] rightProbability;
        final int[] answerItems;

        Fit(Answers answers) {
            this.answers = answers;
            this.groups = ItemGroups.of(answers);
            this.k = answers.labelCount();
            this.workerCount = answers.workerCount();
            this.logWrongShare = Math.log(k - 1);
            this.posteriors = new double[answers.itemCount() * k];
            this.rightProbability = new double[groups.size()];
            this.answerItems = new int[groups.size()];
            for (int item = 0; item < groups.itemCount; item++) {
                Arrays.fill(answerItems, groups.start[item], groups.start[item + 1], item);
            }
        }

        Aggregate run() {
            double[] x = new double[workerCount + groups.itemCount];
            Arrays.fill(x, PRIOR_MEAN);
            for (int worker = 0; worker < workerCount; worker++) {
                double skill = answers.workerSkill(worker);
                if (!Double.isNaN(skill)) {
                    double clipped = Math.min(Math.max(skill, 0.01), 0.99);
                    x[worker] = Math.log(clipped / (1 - clipped));
                }
            }
            double normaliser = Math.max(1.0, (double) groups.size() * k);
            double previous = Double.NEGATIVE_INFINITY;
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                expectation(x);
                maximise(x);
                double q = objective(x) / normaliser;
                if (q - previous < TOLERANCE) {
                    break;
                }
                previous = q;
            }
            expectation(x);
            return Aggregate.ofFlat(LogSpace.chooseLabels(posteriors, k, answers), posteriors, k);
        }

        private double logit(double[] x, int answer) {
            return x[groups.workers[answer]] * Math.exp(x[workerCount + answerItems[answer]]);
        }

        /** Posteriors from uniform priors and the current alphas and betas. */
        void expectation(double[] x) {
            for (int item = 0; item < groups.itemCount; item++) {
                int row = item * k;
                Arrays.fill(posteriors, row, row + k, 0);
                for (int a = groups.start[item]; a < groups.start[item + 1]; a++) {
                    double z = logit(x, a);
                    double logRight = -LogSpace.softplus(-z);
                    double logWrong = -LogSpace.softplus(z) - logWrongShare;
                    for (int c = 0; c < k; c++) {
                        posteriors[row + c] += c == groups.labels[a] ? logRight : logWrong;
                    }
                }
                LogSpace.softmaxInPlace(posteriors, row, k);
                for (int a = groups.start[item]; a < groups.start[item + 1]; a++) {
                    rightProbability[a] = posteriors[row + groups.labels[a]];
                }
            }
        }

        /** The expected complete log-likelihood plus the normal log-priors (constants dropped). */
        double objective(double[] x) {
            double q = 0;
            for (int a = 0; a < rightProbability.length; a++) {
                double z = logit(x, a);
                double p = rightProbability[a];
                q += -p * LogSpace.softplus(-z) + (1 - p) * (-LogSpace.softplus(z) - logWrongShare);
            }
            for (double value : x) {
                q -= 0.5 * (value - PRIOR_MEAN) * (value - PRIOR_MEAN);
            }
            return q;
        }

        double[] gradient(double[] x) {
            double[] g = new double[x.length];
            for (int a = 0; a < rightProbability.length; a++) {
                int worker = groups.workers[a];
                int betaIndex = workerCount + answerItems[a];
                double scale = Math.exp(x[betaIndex]);
                double z = x[worker] * scale;
                double residual = rightProbability[a] - 1 / (1 + Math.exp(-z));
                g[worker] += residual * scale;
                g[betaIndex] += residual * z;
            }
            for (int i = 0; i < x.length; i++) {
                g[i] -= x[i] - PRIOR_MEAN;
            }
            return g;
        }

        /** Conjugate-gradient ascent of the objective in place. */
        void maximise(double[] x) {
            double[] g = gradient(x);
            double[] direction = g.clone();
            double value = objective(x);
            double step = 1;
            double[] trial = new double[x.length];
            for (int iteration = 0; iteration < M_STEP_MAX_ITERATIONS && maxAbs(g) > M_STEP_GRADIENT_TOLERANCE;
                    iteration++) {
                double slope = dot(g, direction);
                if (slope <= 0) {
                    direction = g.clone();
                    slope = dot(g, g);
                }
                double trialValue = Double.NEGATIVE_INFINITY;
                for (int halving = 0; halving < MAX_HALVINGS; halving++, step /= 2) {
                    for (int i = 0; i < x.length; i++) {
                        trial[i] = x[i] + step * direction[i];
                    }
                    trialValue = objective(trial);
                    if (trialValue >= value + ARMIJO * step * slope) {
                        break;
                    }
                }
                if (!(trialValue > value)) {
                    return;
                }
                System.arraycopy(trial, 0, x, 0, x.length);
                value = trialValue;
                double[] next = gradient(x);
                double polakRibiere = Math.max(0, (dot(next, next) - dot(next, g)) / dot(g, g));
                for (int i = 0; i < direction.length; i++) {
                    direction[i] = next[i] + polakRibiere * direction[i];
                }
                g = next;
                step = Math.min(1, step * 4);
            }
        }

        private static double dot(double[] a, double[] b) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += a[i] * b[i];
            }
            return sum;
        }

        private static double maxAbs(double[] values) {
            double max = 0;
            for (double value : values) {
                max = Math.max(max, Math.abs(value));
            }
            return max;
        }
    }
}
