package dev.centaur.guard.auth;

/**
 * The token authority could not say who holds a token (unreachable, past its deadline, or
 * refusing this service) and nothing was remembered: the caller should retry (UNAVAILABLE), not be
 * told its token is bad (UNAUTHENTICATED).
 */
public final class AuthorityUnavailableException extends RuntimeException {

    public AuthorityUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
