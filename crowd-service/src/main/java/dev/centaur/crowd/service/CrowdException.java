package dev.centaur.crowd.service;

/**
 * A request the service refuses, with a message that names the field or id and the bad value.
 * The gRPC layer maps the {@link Kind} to a status in one place.
 */
public class CrowdException extends RuntimeException {

    /** Why the request was refused. */
    public enum Kind {
        /** A field is malformed or out of range. */
        INVALID_ARGUMENT,
        /** A project, item or assignment does not exist. */
        NOT_FOUND,
        /** The request is well formed but the state forbids it (not yours, already answered, expired). */
        FAILED_PRECONDITION,
        /** No valid annotator token. */
        UNAUTHENTICATED,
        /** The annotator is known but may not work here (suspended from the project). */
        PERMISSION_DENIED,
        /** The item already exists with different content (a control label that differs). */
        ALREADY_EXISTS
    }

    private final Kind kind;

    public CrowdException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static CrowdException invalidArgument(String message) {
        return new CrowdException(Kind.INVALID_ARGUMENT, message);
    }

    public static CrowdException notFound(String message) {
        return new CrowdException(Kind.NOT_FOUND, message);
    }

    public static CrowdException failedPrecondition(String message) {
        return new CrowdException(Kind.FAILED_PRECONDITION, message);
    }

    public static CrowdException unauthenticated(String message) {
        return new CrowdException(Kind.UNAUTHENTICATED, message);
    }

    public static CrowdException permissionDenied(String message) {
        return new CrowdException(Kind.PERMISSION_DENIED, message);
    }

    public static CrowdException alreadyExists(String message) {
        return new CrowdException(Kind.ALREADY_EXISTS, message);
    }
}
