package dev.centaur.router.service;

import dev.centaur.common.v1.ItemContent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * An item with a known label. Held-out ones are predicted to measure the model; the others are the
 * training set. Its next attempt time is written by SQL in the repository only.
 */
@Entity
@Table(name = "golden_item")
@IdClass(ItemKey.class)
public class GoldenItemEntity extends PanacheEntityBase {

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

    @Column(name = "gold_label")
    public String goldLabel;

    public boolean holdout;

    @Column(name = "model_version")
    public String modelVersion;

    /** The model's distribution in the project's label order; null until predicted. */
    @Column(name = "model_probabilities", columnDefinition = "double precision[]")
    public double[] modelProbabilities;

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
