package dev.centaur.guard.auth;

import java.util.Optional;

/**
 * The one who issues tokens a service does not know itself: router's AccessService.Authenticate,
 * called with the service token and a deadline by each service's own client wrapper.
 */
@FunctionalInterface
public interface TokenAuthority {

    /**
     * The token's holder; empty when the authority says the token is unknown or revoked (NOT_FOUND).
     *
     * @throws AuthorityUnavailableException when the authority cannot be asked now (down, slow, refusing)
     */
    Optional<Caller> authenticate(String token);
}
