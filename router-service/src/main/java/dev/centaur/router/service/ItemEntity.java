package dev.centaur.router.service;

import dev.centaur.common.v1.ItemContent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A submitted item. Its metadata and its next attempt time are written by SQL in the repository
 * only, so they are not mapped here (a stale entity can never overwrite them).
 */
@Entity
@Table(name = "item")
@IdClass(ItemKey.class)
public class ItemEntity extends PanacheEntityBase {

    @Id
    @Column(name = "project_id")
    public String projectId;

    @Id
    @Column(name = "item_id")
    public String itemId;

    public String text;

    @Column(name = "text_a")
    public String textA;

    @Column(name = "text_b")
    public String textB;

    @Enumerated(EnumType.STRING)
    public ItemStatus status;

    /** The model version whose distribution routed the item; null when no model saw it. */
    @Column(name = "model_version")
    public String modelVersion;

    /** The model's distribution in the project's label order; null when no model saw it. */
    @Column(name = "model_probabilities", columnDefinition = "double precision[]")
    public double[] modelProbabilities;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "routed_at")
    public Instant routedAt;

    /** The W3C traceparent of the SubmitItems call that stored the item; null when tracing was off. */
    @Column(name = "trace_parent")
    public String traceParent;

    public ItemContent content() {
        ItemContent.Builder content = ItemContent.newBuilder();
        if (text != null) {
            content.setText(text);
        } else {
            content.setTextA(textA).setTextB(textB);
        }
        return content.build();
    }
}
