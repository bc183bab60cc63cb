package dev.centaur.router.service;

import dev.centaur.guard.BearerTokens;
import dev.centaur.router.error.AlreadyExistsException;
import dev.centaur.router.error.NotFoundException;
import dev.centaur.router.repository.AccessTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tokens router issues for admins, clients and experts (AccessService). A token is shown once,
 * when it is made; router keeps its SHA-256 only. Fields are validated by the caller.
 */
@ApplicationScoped
public class AccessTokens {

    /** Marks Centaur tokens in logs and secret scanners ("centaur token"). */
    public static final String TOKEN_PREFIX = "ctk_";
    /** Characters of a token's hash shown in errors: enough to tell tokens apart, useless to guess one. */
    private static final int SHOWN_HASH_CHARACTERS = 12;

    @Inject
    AccessTokenRepository tokens;

    /** A new token, or on a repeat of {@code requestId} the first one's row with no token. */
    public record Created(AccessTokenEntity info, Optional<String> token) {
    }

    @Transactional
    public Created create(String role, String subject, Optional<String> requestId) {
        if (requestId.isPresent()) {
            Optional<AccessTokenEntity> earlier = tokens.findByRequestId(requestId.get());
            if (earlier.isPresent()) {
                return repeat(earlier.get(), role, subject);
            }
        }
        String token = BearerTokens.newToken(TOKEN_PREFIX);
        AccessTokenEntity entity = new AccessTokenEntity();
        entity.tokenId = "tok-" + UUID.randomUUID();
        entity.role = role;
        entity.subject = subject;
        entity.tokenSha256 = BearerTokens.sha256Hex(token);
        entity.requestId = requestId.orElse(null);
        entity.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (requestId.isEmpty()) {
            tokens.persist(entity);
            return new Created(entity, Optional.of(token));
        }
        if (!tokens.insertIfAbsent(entity)) {
            // A concurrent call with the same request_id won; answer as its repeat.
            return repeat(tokens.findByRequestId(requestId.get()).orElseThrow(), role, subject);
        }
        return new Created(entity, Optional.of(token));
    }

    private static Created repeat(AccessTokenEntity earlier, String role, String subject) {
        if (!earlier.role.equals(role) || !earlier.subject.equals(subject)) {
            throw new AlreadyExistsException("request_id \"" + earlier.requestId + "\" already made token "
                    + earlier.tokenId + " for role \"" + earlier.role + "\" and subject \"" + earlier.subject
                    + "\", not for role \"" + role + "\" and subject \"" + subject + "\"");
        }
        return new Created(earlier, Optional.empty());
    }

    /** Stops the token at once; revoking a revoked token changes nothing. */
    @Transactional
    public AccessTokenEntity revoke(String tokenId) {
        tokens.revoke(tokenId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        AccessTokenEntity token = tokens.findById(tokenId);
        if (token == null) {
            throw new NotFoundException("token_id \"" + tokenId + "\" does not exist");
        }
        return token;
    }

    @Transactional
    public List<AccessTokenEntity> list(boolean includeRevoked) {
        return tokens.listAll(includeRevoked);
    }

    /** The working token {@code token} is; NOT_FOUND when it is unknown or revoked. */
    @Transactional
    public AccessTokenEntity authenticate(String token) {
        return findWorking(token).orElseThrow(() -> new NotFoundException("token (SHA-256 "
                + shownHash(token) + ") is unknown or revoked"));
    }

    /** Like {@link #authenticate} for router's own check: empty when unknown or revoked. */
    @Transactional
    public Optional<AccessTokenEntity> findWorking(String token) {
        return tokens.findWorking(BearerTokens.sha256Hex(token));
    }

    /** A token's hash as errors show it. */
    public static String shownHash(String token) {
        return BearerTokens.sha256Hex(token).substring(0, SHOWN_HASH_CHARACTERS) + "...";
    }
}
