package dev.centaur.cli.bench;

/** The Wilson score interval at 95%: honest near 0 and 1 and for small samples, unlike the normal one. */
final class Wilson {

    private static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /** {lower, upper} for {@code successes} of {@code trials}; {0, 1} when there are no trials. */
    static double[] interval(long successes, long trials) {
        if (trials == 0) {
            return new double[] {0, 1};
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
