package dev.centaur.crowd.aggregation;

/**
 * One-coin Dawid-Skene (crowd-kit's {@code OneCoinDawidSkene}): like {@link DawidSkene}, but each
 * worker has a single skill (the posterior-weighted share of their answers that are right) and
 * picks a wrong label uniformly; error probabilities are clipped to [1e-10, 1 - 1e-10]. A known
 * worker skill enters as pseudo-answers, as in {@link DawidSkene}.
 */
public final class OneCoinDawidSkene implements Aggregator {

    public static final String METHOD = "OneCoinDS";

    private final ConfusionEm.Settings settings = new ConfusionEm.Settings(true, false,
            DawidSkene.DEFAULT_MAX_ITERATIONS, DawidSkene.DEFAULT_TOLERANCE, DawidSkene.DEFAULT_SKILL_PRIOR_STRENGTH, 1);

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregate fit(Answers answers) {
        return new ConfusionEm(answers, settings).fit();
    }
}
