package dev.centaur.cli.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The seed post's picture as numbers: accuracy against the share of items relabeled by humans,
 * when the model keeps its most confident items and people label the rest. Items leave the model
 * in order of rising confidence, so each point is a confidence threshold.
 */
public final class RelabelingCurve {

    /** One point: the share relabeled by humans, the accuracy, and the lowest model confidence kept. */
    public record Point(double relabeledShare, double accuracy, double threshold) {
    }

    private RelabelingCurve() {
    }

    /**
     * @param itemIds the evaluated items, each with gold, a model guess and a human label
     * @param steps   points evenly spaced in the share relabeled (plus both ends)
     */
    public static List<Point> compute(List<String> itemIds, Map<String, ModelGuess> model, Map<String, String> human,
            Map<String, String> gold, int steps) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        List<String> byConfidence = new ArrayList<>(itemIds);
        byConfidence.sort(Comparator.comparingDouble((String id) -> model.get(id).confidence()).reversed()
                .thenComparing(Comparator.naturalOrder()));
        int n = byConfidence.size();
        // modelCorrect[k]: correct model labels among the k most confident; humanCorrect[k]: correct human labels among the rest.
        int[] modelCorrect = new int[n + 1];
        int[] humanCorrect = new int[n + 1];
        for (int k = 0; k < n; k++) {
            String id = byConfidence.get(k);
            modelCorrect[k + 1] = modelCorrect[k] + (gold.get(id).equals(model.get(id).label()) ? 1 : 0);
        }
        for (int k = n - 1; k >= 0; k--) {
            String id = byConfidence.get(k);
            humanCorrect[k] = humanCorrect[k + 1] + (gold.get(id).equals(human.get(id)) ? 1 : 0);
        }
        List<Point> points = new ArrayList<>();
        for (int step = 0; step <= steps; step++) {
            int relabeled = (int) Math.round((double) n * step / steps);
            int kept = n - relabeled;
            double threshold = kept == 0 ? 1.0 : model.get(byConfidence.get(kept - 1)).confidence();
            points.add(new Point((double) relabeled / n, (double) (modelCorrect[kept] + humanCorrect[kept]) / n, threshold));
        }
        return points;
    }
}
