package dev.centaur.crowd.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A project's crowd settings: labels, instructions, how many answers each item gets (overlap, up
 * to max_overlap while the aggregate is below the confidence target), the aggregation method, and
 * control tasks' rate and the minimum skill they enforce.
 */
@Entity
@Table(name = "project")
public class Project {

    @Id
    @Column(name = "project_id")
    public String projectId;

    /** In the project's order; model distributions and label indexes follow it. */
    @Column(name = "labels")
    public String[] labels;

    @Column(name = "instructions")
    public String instructions;

    @Column(name = "overlap")
    public int overlap;

    /** The aggregation method's short name (see Aggregators). */
    @Column(name = "aggregation_method")
    public String aggregationMethod;

    /** Most answers an item may get; equals overlap for a fixed overlap. */
    @Column(name = "max_overlap")
    public int maxOverlap;

    /** Confidence at which an item stops getting answers; 0 for none. */
    @Column(name = "confidence_target")
    public double confidenceTarget;

    /** Share of an annotator's tasks that are control tasks. */
    @Column(name = "control_rate")
    public double controlRate;

    /** Control accuracy below which an annotator is suspended; 0 never suspends. */
    @Column(name = "min_skill")
    public double minSkill;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Answers after which an item completes, whatever its confidence. */
    public int effectiveMaxOverlap() {
        return Math.max(overlap, maxOverlap);
    }

    public List<String> labelList() {
        return List.of(labels);
    }
}
