package dev.centaur.router.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bearer token router issued: its role and holder, and the token's SHA-256, never the token. */
@Entity
@Table(name = "access_token")
public class AccessTokenEntity extends PanacheEntityBase {

    /** "tok-" and a UUID: what ListTokens shows and RevokeToken takes. */
    @Id
    @Column(name = "token_id")
    public String tokenId;

    /** admin, client or expert. */
    public String role;

    /** Who holds it (an expert's id, a client's name). */
    public String subject;

    @Column(name = "token_sha256")
    public String tokenSha256;

    /** The CreateToken request_id it was made for; null when none was given. */
    @Column(name = "request_id")
    public String requestId;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Null while the token works. */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean revoked() {
        return revokedAt != null;
    }
}
