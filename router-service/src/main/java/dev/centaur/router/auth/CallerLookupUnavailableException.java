package dev.centaur.router.auth;

/**
 * Router's database did not answer while it looked a token up: the caller may be fine, so the
 * call is UNAVAILABLE (retry), never UNAUTHENTICATED.
 */
public final class CallerLookupUnavailableException extends RuntimeException {

    public CallerLookupUnavailableException(Throwable cause) {
        super("router cannot reach its database to check the bearer token ("
                + cause.getClass().getSimpleName() + "): retry", cause);
    }
}
