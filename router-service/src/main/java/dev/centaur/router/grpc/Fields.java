package dev.centaur.router.grpc;

import dev.centaur.router.error.InvalidArgumentException;

/** Small checks shared by the request validators; each failure names the field and the value. */
final class Fields {

    /** Longer values are shortened in error descriptions (a 10,000-character text helps nobody). */
    private static final int SHOWN_CHARACTERS = 60;

    private Fields() {
    }

    /** The value as shown in an error description: quoted, shortened when long. */
    static String show(String value) {
        int codePoints = value.codePointCount(0, value.length());
        if (codePoints <= SHOWN_CHARACTERS) {
            return "\"" + value + "\"";
        }
        int end = value.offsetByCodePoints(0, SHOWN_CHARACTERS);
        return "\"" + value.substring(0, end) + "...\" (" + characters(value) + " characters)";
    }

    /**
     * Length in UTF-16 units: the strictest count the peers (inference, qc) use, so anything router
     * accepts is accepted downstream too, and one item can never block a batch there.
     */
    static int characters(String value) {
        return value.length();
    }

    static InvalidArgumentException invalid(String field, String problem) {
        return new InvalidArgumentException(field + " " + problem);
    }

    /** PostgreSQL text cannot hold NUL characters, so no stored or looked-up string may have one. */
    static void storable(String field, String value) {
        if (value.indexOf('\0') >= 0) {
            throw invalid(field, show(value.replace("\0", "\\0")) + " contains a NUL character");
        }
    }

    static void notBlank(String field, String value) {
        if (value.isBlank()) {
            throw invalid(field, "is empty: " + show(value));
        }
        storable(field, value);
    }

    static void atMostCharacters(String field, String value, int max) {
        int length = characters(value);
        if (length > max) {
            throw invalid(field, show(value) + " has " + length + " characters, more than " + max);
        }
    }

    /** An id that names something to look up: required, storable. */
    static String id(String field, String value) {
        if (value.isEmpty()) {
            throw invalid(field, "is empty");
        }
        storable(field, value);
        return value;
    }
}
