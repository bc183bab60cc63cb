package dev.centaur.inference.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One FineTune job (table inference.fine_tune_job). */
@Entity
@Table(name = "fine_tune_job")
public class FineTuneJobEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "model_name", nullable = false)
    public String modelName;

    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public double progress;

    @Column(nullable = false)
    public String message;

    @Column(nullable = false)
    public boolean force;

    @Column(name = "golden_examples", nullable = false)
    public int goldenExamples;

    @Column(name = "expert_examples", nullable = false)
    public int expertExamples;

    @Column(name = "crowd_examples", nullable = false)
    public int crowdExamples;

    @Column(name = "version_id")
    public UUID versionId;

    @Column(nullable = false)
    public boolean activated;

    @Column(name = "activation_reason", nullable = false)
    public String activationReason;

    @Column(name = "heldout_accuracy")
    public Double heldoutAccuracy;

    @Column(name = "heldout_examples", nullable = false)
    public int heldoutExamples;

    @Column(name = "compared_version_id")
    public UUID comparedVersionId;

    @Column(name = "compared_heldout_accuracy")
    public Double comparedHeldoutAccuracy;

    @Column(nullable = false)
    public String owner;

    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
