package dev.centaur.router.repository;

import dev.centaur.router.service.AccessTokenEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AccessTokenRepository implements PanacheRepositoryBase<AccessTokenEntity, String> {

    /**
     * Stores a new token unless its request_id is taken; skipping the conflict makes two concurrent
     * creations with one request_id safe without catching constraint errors (the loser waits for
     * the winner's commit, then reads its row).
     *
     * @return false when the request_id was taken
     */
    public boolean insertIfAbsent(AccessTokenEntity token) {
        int inserted = getEntityManager().createNativeQuery("""
                INSERT INTO access_token (token_id, role, subject, token_sha256, request_id, created_at)
                VALUES (:tokenId, :role, :subject, :tokenSha256, :requestId, :createdAt)
                ON CONFLICT (request_id) DO NOTHING
                """)
                .setParameter("tokenId", token.tokenId)
                .setParameter("role", token.role)
                .setParameter("subject", token.subject)
                .setParameter("tokenSha256", token.tokenSha256)
                .setParameter("requestId", token.requestId)
                .setParameter("createdAt", token.createdAt)
                .executeUpdate();
        return inserted == 1;
    }

    public Optional<AccessTokenEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    /** The token with this hash unless it was revoked. */
    public Optional<AccessTokenEntity> findWorking(String tokenSha256) {
        return find("tokenSha256 = ?1 and revokedAt is null", tokenSha256).firstResultOptional();
    }

    /** Marks the token revoked unless it already is; answers whether this call revoked it. */
    public boolean revoke(String tokenId, Instant at) {
        return update("revokedAt = ?1 where tokenId = ?2 and revokedAt is null", at, tokenId) == 1;
    }

    /** Oldest first. */
    public List<AccessTokenEntity> listAll(boolean includeRevoked) {
        Sort order = Sort.by("createdAt").and("tokenId");
        return includeRevoked ? listAll(order) : list("revokedAt is null", order);
    }
}
