package dev.centaur.qc.service;

import java.util.Locale;

/** Where a final label came from; each source is a stratum with its own measured accuracy. */
public enum FinalLabelSource {
    MODEL, CROWD, HYBRID, EXPERT;

    /** The value of the {@code source} metric tag. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
