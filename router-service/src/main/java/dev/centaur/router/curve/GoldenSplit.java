package dev.centaur.router.curve;

/**
 * Which golden items are held out to measure the model (never trained on) and which are the
 * training set. Decided by the item id alone, so the split never depends on arrival order, and
 * the same item is always on the same side.
 */
public final class GoldenSplit {

    private static final int BUCKETS = 10_000;

    private GoldenSplit() {
    }

    /** holdoutShare in [0, 1]: 0 holds out nothing, 1 holds out everything. */
    public static boolean isHoldout(String itemId, double holdoutShare) {
        // Spread String.hashCode (stable by specification) over the buckets.
        int mixed = itemId.hashCode() * 0x9E3779B1;
        return Math.floorMod(mixed, BUCKETS) < holdoutShare * BUCKETS;
    }
}
