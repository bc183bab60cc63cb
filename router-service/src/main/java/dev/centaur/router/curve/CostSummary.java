package dev.centaur.router.curve;

/**
 * A project's spend so far from its counts, valued at its current prices. Expert spend counts the
 * reviews qc's verdicts report as done; the expected reviews (qc_rate of the labels offered to qc)
 * are kept beside them, since qc reviews with a lag (and a label may need 2 or 3 answers).
 */
public record CostSummary(double modelSpend, double crowdSpend, double expertSpend, double expectedReviews,
        double expectedExpertSpend, long finalLabels, double crowdOnlySpend) {

    /** What was done so far: predictions, crowd answers (final labels', golden probes'), reviews. */
    public record Counts(long modelPredictions, long crowdAnswers, long probeAnswers, long offeredToQc,
            long expertReviews, long finalLabels) {
    }

    public static CostSummary of(CostModel prices, Counts counts) {
        double expectedReviews = prices.qcRate() * counts.offeredToQc();
        double expertSpend = counts.expertReviews() * prices.pricePerExpertReview();
        // The same labels from the crowd alone: every label needs overlap answers; qc is the same.
        double crowdOnly = (double) counts.finalLabels() * prices.overlap() * prices.pricePerCrowdAnswer()
                + expertSpend;
        return new CostSummary(counts.modelPredictions() * prices.pricePer1kPredictions() / 1000,
                (counts.crowdAnswers() + counts.probeAnswers()) * prices.pricePerCrowdAnswer(), expertSpend,
                expectedReviews, expectedReviews * prices.pricePerExpertReview(), counts.finalLabels(), crowdOnly);
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
