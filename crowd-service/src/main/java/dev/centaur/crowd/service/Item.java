package dev.centaur.crowd.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An item in a project's task pool and, once it has enough answers, its aggregate. */
@Entity
@Table(name = "item")
public class Item {

    /** Surrogate key; its order is the enqueue order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "project_id")
    public String projectId;

    @Column(name = "item_id")
    public String itemId;

    @Column(name = "text")
    public String text;

    @Column(name = "text_a")
    public String textA;

    @Column(name = "text_b")
    public String textB;

    /** The model's distribution in the project's label order, or null. */
    @Column(name = "model_probabilities")
    public double[] modelProbabilities;

    @Column(name = "enqueued_at")
    public Instant enqueuedAt;

    @Column(name = "result_label")
    public String resultLabel;

    @Column(name = "result_confidence")
    public Double resultConfidence;

    @Column(name = "result_method")
    public String resultMethod;

    @Column(name = "result_answers")
    public Integer resultAnswers;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** Answers wanted beyond the project's overlap (dynamic overlap). */
    @Column(name = "extra_answers")
    public int extraAnswers;

    /**
     * Set when the item got the answers it wants and waits for the evaluation worker to aggregate
     * it; cleared when the worker (or a re-evaluation) settled it.
     */
    @Column(name = "evaluation_due_at")
    public Instant evaluationDueAt;

    /** The W3C traceparent of the Enqueue call that brought the item; null when tracing was off. */
    @Column(name = "trace_parent")
    public String traceParent;

    /** The known label of a control item; null for ordinary items. */
    @Column(name = "control_label")
    public String controlLabel;

    public boolean isControl() {
        return controlLabel != null;
    }

    public boolean isCompleted() {
        return completedAt != null;
    }
}
