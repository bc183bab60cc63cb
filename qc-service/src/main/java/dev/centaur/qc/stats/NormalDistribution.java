package dev.centaur.qc.stats;

/** The standard normal distribution's tail, for p-values of z statistics. */
public final class NormalDistribution {

    private NormalDistribution() {
    }

    /** P(Z > z) for a standard normal Z. */
    public static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /**
     * Complementary error function by the Chebyshev fit of Numerical Recipes (erfcc), with a
     * fractional error below 1.2e-7 everywhere, which keeps small tail probabilities accurate.
     */
    static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double polynomial = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        double value = t * Math.exp(polynomial);
        return x >= 0 ? value : 2 - value;
    }
}
