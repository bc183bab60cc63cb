package dev.centaur.crowd.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An item given to one annotator, held for them until the lease expires. */
@Entity
@Table(name = "assignment")
public class Assignment {

    @Id
    @Column(name = "assignment_id")
    public String assignmentId;

    @Column(name = "item_pk")
    public long itemPk;

    @Column(name = "project_id")
    public String projectId;

    @Column(name = "annotator_id")
    public String annotatorId;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    public boolean leaseExpiredAt(Instant now) {
        return !leaseExpiresAt.isAfter(now);
    }
}
