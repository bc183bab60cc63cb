package dev.centaur.router.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recorded change of a project's policy, with the policy before and after as JSON. */
@Entity
@Table(name = "policy_change")
public class PolicyChangeEntity extends PanacheEntityBase {

    /** Who changed the policy: a user (SetPolicy), or router/another service with evidence. */
    public enum Actor {
        USER,
        AUTOMATIC
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public String projectId;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Enumerated(EnumType.STRING)
    public Actor actor;

    @Column(name = "old_policy")
    public String oldPolicy;

    @Column(name = "new_policy")
    public String newPolicy;

    public String reason;
}
