package dev.centaur.crowd.aggregation;

/**
 * Dawid-Skene with the model as one more voter, in the spirit of cleanlab's CROWDLAB: on every
 * item with a model distribution, a single "model worker" answers the distribution's most probable
 * label, and its confusion matrix is learned by the same EM as the workers'. So the model counts
 * for as much as its agreement with the consensus earns it. Its distribution also enters the
 * majority vote that starts the EM as one soft vote, so that items with a single answer do not
 * start out certain of it. Items without a model distribution simply lack that voter; with no
 * distributions at all this is plain Dawid-Skene.
 */
public final class ModelAwareDawidSkene implements Aggregator {

    public static final String METHOD = "DS+model";

    private final ConfusionEm.Settings settings = new ConfusionEm.Settings(false, true,
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
