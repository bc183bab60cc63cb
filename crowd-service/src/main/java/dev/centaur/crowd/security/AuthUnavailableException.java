package dev.centaur.crowd.security;

/**
 * A token could not be checked because router (which issued it) did not answer and nothing about
 * it is cached: the caller should retry (gRPC UNAVAILABLE, HTTP 503), not think its token bad.
 */
public class AuthUnavailableException extends RuntimeException {

    public AuthUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
