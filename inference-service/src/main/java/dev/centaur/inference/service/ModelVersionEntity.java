package dev.centaur.inference.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One stored model version (table inference.model_version). */
@Entity
@Table(name = "model_version")
public class ModelVersionEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "model_name", nullable = false)
    public String modelName;

    @Column(nullable = false)
    public String kind;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] labels;

    /** BUILTIN only. Lazy: listing versions must not pull every version's weights. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] weights;

    /** BUILTIN only. */
    @Column(name = "feature_config")
    public String featureConfig;

    /** TORCHSCRIPT and REMOTE_LLM: their settings as JSON (never a secret). */
    @Column(name = "kind_config")
    public String kindConfig;

    @Column(nullable = false)
    public double temperature;

    @Column(name = "heldout_accuracy")
    public Double heldoutAccuracy;

    @Column(name = "heldout_ece_uncalibrated")
    public Double heldoutEceUncalibrated;

    @Column(name = "heldout_ece")
    public Double heldoutEce;

    @Column(name = "heldout_log_loss_uncalibrated")
    public Double heldoutLogLossUncalibrated;

    @Column(name = "heldout_log_loss")
    public Double heldoutLogLoss;

    @Column(name = "train_examples", nullable = false)
    public int trainExamples;

    @Column(name = "heldout_examples", nullable = false)
    public int heldoutExamples;

    @Column(name = "training_millis", nullable = false)
    public long trainingMillis;

    @Column(nullable = false)
    public long seed;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
