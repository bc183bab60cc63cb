package dev.centaur.router.curve;

/** The threshold grid (gridStart, gridStart + gridStep, ..., 1.0) and the interval's z. */
public record CurveSettings(double gridStart, double gridStep, double z) {

    public CurveSettings {
        if (!(gridStart >= 0 && gridStart <= 1) || !(gridStep > 0 && gridStep <= 1)) {
            throw new IllegalArgumentException("grid from " + gridStart + " by " + gridStep);
        }
    }

    /** The grid, rounded to 1e-6 so that 0.9 is exactly the double 0.9 (max p values compare as typed). */
    public double[] thresholds() {
        int steps = (int) Math.floor((1 - gridStart) / gridStep + 1e-9);
        double[] grid = new double[steps + 1 + (atOne(steps) ? 0 : 1)];
        for (int i = 0; i <= steps; i++) {
            grid[i] = Math.round((gridStart + i * gridStep) * 1e6) / 1e6;
        }
        grid[grid.length - 1] = 1.0;
        return grid;
    }

    private boolean atOne(int steps) {
        return Math.abs(gridStart + steps * gridStep - 1) < 1e-9;
    }
}
