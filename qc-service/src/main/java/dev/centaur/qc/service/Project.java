package dev.centaur.qc.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A project as QC knows it: its label set, target accuracy and model threshold, kept current by every Offer. */
@Entity
@Table(name = "project")
public class Project {

    @Id
    @Column(name = "project_id")
    public String projectId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "labels", nullable = false)
    public List<String> labels;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The project's target accuracy as router last said; 0 means none (no threshold feedback). */
    @Column(name = "target_accuracy", nullable = false)
    public double targetAccuracy;

    /** The project's lowest effective model threshold as router last said (or as qc last asked for). */
    @Column(name = "model_threshold", nullable = false)
    public double modelThreshold;

    /** Decided MODEL reviews when qc last asked router for a raise; 0 when it never did. */
    @Column(name = "raised_at_model_reviews", nullable = false)
    public long raisedAtModelReviews;
}
