package dev.centaur.crowd.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An annotator's label for the item of one assignment. */
@Entity
@Table(name = "answer")
public class Answer {

    @Id
    @Column(name = "assignment_id")
    public String assignmentId;

    @Column(name = "item_pk")
    public long itemPk;

    /** The item's project, copied here so the aggregation window reads answers without the item. */
    @Column(name = "project_id")
    public String projectId;

    @Column(name = "annotator_id")
    public String annotatorId;

    @Column(name = "label")
    public String label;

    @Column(name = "answered_at")
    public Instant answeredAt;
}
