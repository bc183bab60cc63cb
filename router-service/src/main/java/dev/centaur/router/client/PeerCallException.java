package dev.centaur.router.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** A call to a peer service failed; {@link #kind()} tells the caller what it can do about it. */
public final class PeerCallException extends RuntimeException {

    /** What a failed call means for the caller. */
    public enum Kind {
        /** Down, overloaded or too slow: try the same thing again later. */
        UNAVAILABLE,
        /** The peer does not know the thing named (model, project). */
        NOT_FOUND,
        /** The peer refused the request or failed on it; trying again soon will not help. */
        REJECTED
    }

    private final Kind kind;
    private final Status.Code code;

    PeerCallException(String call, StatusRuntimeException cause) {
        super(call + " failed: " + cause.getStatus().getCode()
                + (cause.getStatus().getDescription() == null ? "" : " " + cause.getStatus().getDescription()),
                cause);
        this.kind = kindOf(cause.getStatus().getCode());
        this.code = cause.getStatus().getCode();
    }

    public Kind kind() {
        return kind;
    }

    /** The peer's own status code, for callers that pass a refusal on. */
    public Status.Code code() {
        return code;
    }

    static Kind kindOf(Status.Code code) {
        return switch (code) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, CANCELLED -> Kind.UNAVAILABLE;
            case NOT_FOUND -> Kind.NOT_FOUND;
            default -> Kind.REJECTED;
        };
    }
}
