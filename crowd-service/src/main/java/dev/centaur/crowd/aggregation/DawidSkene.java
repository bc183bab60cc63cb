package dev.centaur.crowd.aggregation;

/**
 * Dawid-Skene (crowd-kit's {@code DawidSkene}): each worker has a full confusion matrix, fitted by
 * EM from majority-vote posteriors; defaults as crowd-kit (100 iterations, tolerance 1e-5 on the
 * log-likelihood per answer, counts clipped at 1e-10). A worker with a known skill (e.g. from
 * control tasks) adds {@code skillPriorStrength} pseudo-answers per true class to their matrix, a
 * Dirichlet prior centred on that accuracy; workers without one have no prior, as in crowd-kit.
 */
public final class DawidSkene implements Aggregator {

    public static final String METHOD = "DS";
    public static final int DEFAULT_MAX_ITERATIONS = 100;
    public static final double DEFAULT_TOLERANCE = 1e-5;
    /** Pseudo-answers per true class that a known worker skill is worth. */
    public static final double DEFAULT_SKILL_PRIOR_STRENGTH = 2;

    private final ConfusionEm.Settings settings;

    public DawidSkene() {
        this(DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, 1);
    }

    /** @param threads threads a large fit may use (small fits run on the caller's thread) */
    public DawidSkene(int maxIterations, double tolerance, int threads) {
        this.settings = new ConfusionEm.Settings(false, false, maxIterations, tolerance,
                DEFAULT_SKILL_PRIOR_STRENGTH, threads);
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregate fit(Answers answers) {
        return new ConfusionEm(answers, settings).fit();
    }
}
