package dev.centaur.inference.service;

import dev.centaur.inference.model.ItemText;
import java.util.List;

/**
 * A validated Train request.
 *
 * @param labelIndices each example's label as an index into {@code labels}
 * @param holdoutFraction 0 means the configured default
 * @param seed 0 means the configured default
 */
public record TrainingCommand(
        String modelName,
        List<String> labels,
        List<ItemText> examples,
        int[] labelIndices,
        double holdoutFraction,
        long seed,
        boolean activate) {
}
