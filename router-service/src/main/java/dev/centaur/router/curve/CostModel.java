package dev.centaur.router.curve;

/** A project's prices and crowd/qc settings: what one item costs at a given coverage. */
public record CostModel(double pricePer1kPredictions, int overlap, double pricePerCrowdAnswer, double qcRate,
        double pricePerExpertReview) {

    /** Every item is predicted; the uncovered share gets overlap answers; qc_rate of all is reviewed. */
    public double costPerItem(double coverage) {
        return pricePer1kPredictions / 1000 + (1 - coverage) * overlap * pricePerCrowdAnswer
                + qcRate * pricePerExpertReview;
    }
}
