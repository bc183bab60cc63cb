package dev.centaur.crowd.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A project's crowd settings: its labels, instructions and how many answers each item gets. */
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

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> labelList() {
        return List.of(labels);
    }
}
