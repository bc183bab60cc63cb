package dev.centaur.qc.service;

/** Renders request values into error descriptions without echoing megabytes back. */
public final class Values {

    private static final int MAX_SHOWN = 80;

    private Values() {
    }

    /** The value in quotes, cut after a few dozen characters with its full length noted. */
    public static String quote(String value) {
        if (value.length() <= MAX_SHOWN) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, MAX_SHOWN) + "...' (" + value.length() + " characters)";
    }
}
