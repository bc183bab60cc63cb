package dev.centaur.cli.demo;

/** What labeling costs: one crowd answer, one expert review, 1,000 model predictions. */
public record Prices(double perCrowdAnswer, double perExpertReview, double per1kPredictions) {

    public Prices {
        if (perCrowdAnswer < 0 || perExpertReview < 0 || per1kPredictions < 0) {
            throw new IllegalArgumentException("prices must be >= 0, were " + perCrowdAnswer + ", "
                    + perExpertReview + ", " + per1kPredictions);
        }
    }
}
