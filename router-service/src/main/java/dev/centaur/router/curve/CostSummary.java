package dev.centaur.router.curve;

/**
 * A project's spend so far from its counts, valued at its current prices. Expert reviews are
 * expected ones (qc_rate of the labels offered to qc): router does not see the reviews.
 */
public record CostSummary(double modelSpend, double crowdSpend, double expertSpend, double expectedReviews,
        long finalLabels, double crowdOnlySpend) {

    public static CostSummary of(CostModel prices, long modelPredictions, long crowdAnswers, long offeredToQc,
            long finalLabels) {
        double expectedReviews = prices.qcRate() * offeredToQc;
        double expertSpend = expectedReviews * prices.pricePerExpertReview();
        // The same labels from the crowd alone: every label needs overlap answers; qc is the same.
        double crowdOnly = (double) finalLabels * prices.overlap() * prices.pricePerCrowdAnswer() + expertSpend;
        return new CostSummary(modelPredictions * prices.pricePer1kPredictions() / 1000,
                crowdAnswers * prices.pricePerCrowdAnswer(), expertSpend, expectedReviews, finalLabels, crowdOnly);
    }

    public double totalSpend() {
        return modelSpend + crowdSpend + expertSpend;
    }

    /** 0 while there are no final labels. */
    public double costPerFinalLabel() {
        return finalLabels == 0 ? 0 : totalSpend() / finalLabels;
    }

    public double saving() {
        return crowdOnlySpend - totalSpend();
    }
}
