package dev.centaur.qc.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy over consecutive windows of reviews in time order, and a drift alert when the latest
 * window is significantly worse than the one before (one-sided two-proportion z-test at alpha).
 * Windows are cut from the newest review backwards, so the latest window is always the last
 * {@code windowSize} reviews; an older remainder shorter than a window is left out.
 */
public final class DriftDetector {

    /** One window: reviews [first, last] (indexes into the input) and their accuracy. */
    public record Window(int first, int last, Proportion accuracy) {
    }

    /** The windows, oldest first, and the test of the latest against the one before. */
    public record Result(List<Window> windows, double z, double pValue, boolean alert) {
    }

    private final int windowSize;
    private final int maxWindows;
    private final double alpha;

    public DriftDetector(int windowSize, int maxWindows, double alpha) {
        if (windowSize < 1) {
            throw new IllegalArgumentException("windowSize must be at least 1, got " + windowSize);
        }
        if (maxWindows < 2) {
            throw new IllegalArgumentException("maxWindows must be at least 2 to compare windows, got " + maxWindows);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        this.windowSize = windowSize;
        this.maxWindows = maxWindows;
        this.alpha = alpha;
    }

    /** Reviews the detector needs at most: the input can be cut to the newest this many. */
    public int reviewsNeeded() {
        return windowSize * maxWindows;
    }

    /** @param correctInTimeOrder whether each review found the final label right, oldest first */
    public Result analyse(boolean[] correctInTimeOrder) {
        int windowCount = Math.min(maxWindows, correctInTimeOrder.length / windowSize);
        List<Window> windows = new ArrayList<>(windowCount);
        int start = correctInTimeOrder.length - windowCount * windowSize;
        for (int w = 0; w < windowCount; w++, start += windowSize) {
            int correct = 0;
            for (int i = start; i < start + windowSize; i++) {
                correct += correctInTimeOrder[i] ? 1 : 0;
            }
            windows.add(new Window(start, start + windowSize - 1, WilsonInterval.of95(correct, windowSize)));
        }
        if (windowCount < 2) {
            return new Result(windows, 0.0, 1.0, false);
        }
        Proportion previous = windows.get(windowCount - 2).accuracy();
        Proportion latest = windows.get(windowCount - 1).accuracy();
        TwoProportionZTest.Result test = TwoProportionZTest.laterIsLower(previous.successes(), previous.trials(),
                latest.successes(), latest.trials());
        return new Result(windows, test.z(), test.pValue(), test.isSignificantAt(alpha));
    }
}
