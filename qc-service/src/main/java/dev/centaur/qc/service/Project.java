package dev.centaur.qc.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A project as QC knows it: its label set, kept current by every Offer. */
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
}
