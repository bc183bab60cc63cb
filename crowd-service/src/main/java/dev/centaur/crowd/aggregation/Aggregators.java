package dev.centaur.crowd.aggregation;

import java.util.List;

/** The aggregation methods by the short name a project chooses them with. */
public final class Aggregators {

    /** Every method's name, in the order they are usually compared. */
    public static final List<String> METHODS = List.of(MajorityVote.METHOD, Wawa.METHOD, DawidSkene.METHOD,
            Glad.METHOD, OneCoinDawidSkene.METHOD, ModelAwareDawidSkene.METHOD);

    private Aggregators() {
    }

    /**
     * A new instance of the named method.
     *
     * @throws IllegalArgumentException for a name not in {@link #METHODS}
     */
    public static Aggregator byMethod(String method) {
        return switch (method) {
            case MajorityVote.METHOD -> new MajorityVote();
            case Wawa.METHOD -> new Wawa();
            case DawidSkene.METHOD -> new DawidSkene();
            case Glad.METHOD -> new Glad();
            case OneCoinDawidSkene.METHOD -> new OneCoinDawidSkene();
            case ModelAwareDawidSkene.METHOD -> new ModelAwareDawidSkene();
            default -> throw new IllegalArgumentException("aggregation method '" + method + "' is not one of "
                    + METHODS);
        };
    }
}
