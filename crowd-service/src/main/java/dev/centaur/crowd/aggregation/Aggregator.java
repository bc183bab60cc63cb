package dev.centaur.crowd.aggregation;

/**
 * An aggregation method, in the shape of Toloka crowd-kit's classification aggregators: fit on
 * indexed answers, then read each item's label ({@code fit_predict}) and posterior distribution
 * ({@code fit_predict_proba}) from the returned {@link Aggregate}. Implementations are stateless
 * between calls, so one instance may serve concurrent fits.
 */
public interface Aggregator {

    /** Short name of the method, reported with every result: MV, Wawa, DS, GLAD, ... */
    String method();

    /** Fits the method on the answers and returns a label and a posterior for every item. */
    Aggregate fit(Answers answers);
}
