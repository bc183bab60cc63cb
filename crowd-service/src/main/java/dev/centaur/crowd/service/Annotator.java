package dev.centaur.crowd.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who answers tasks; identified by a bearer token of which only the hash is kept. */
@Entity
@Table(name = "annotator")
public class Annotator {

    @Id
    @Column(name = "annotator_id")
    public String annotatorId;

    @Column(name = "name")
    public String name;

    /** Hex SHA-256 of the token. */
    @Column(name = "token_sha256")
    public String tokenSha256;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When the token was revoked; null while it works. */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
