package dev.centaur.router.service;

/** How a project's global threshold is chosen (router.proto, PolicyMode). */
public enum PolicyModeName {
    THRESHOLD,
    TARGET_ACCURACY,
    BUDGET;

    /** Router sets the threshold from the curve. */
    public boolean automatic() {
        return this != THRESHOLD;
    }
}
