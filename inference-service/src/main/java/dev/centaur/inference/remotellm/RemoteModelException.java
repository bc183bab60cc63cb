package dev.centaur.inference.remotellm;

/** A remote endpoint did not give a usable answer; the message names the endpoint and what it said. */
public class RemoteModelException extends RuntimeException {

    /** What went wrong, as far as a caller should act on it. */
    public enum Reason {
        /** 5xx, 408, a timeout or no connection: worth retrying later. */
        UNAVAILABLE,
        /** 429: the endpoint is rate-limiting us. */
        RATE_LIMITED,
        /** 400, 413, 422: the endpoint refused this request (e.g. the item is too long for its context). */
        REQUEST_REFUSED,
        /** 401, 403, 404, other 4xx, or an answer that is not a chat completion with logprobs: fix the registration. */
        MISCONFIGURED
    }

    private final Reason reason;

    public RemoteModelException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RemoteModelException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
