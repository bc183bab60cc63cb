package dev.centaur.cli.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RelabelingCurveTest {

    private static final double EPS = 1e-12;

    // Four items; the model is right on its two most confident (a, b), wrong on c and d;
    // the crowd is right on b, c and d and wrong on a.
    private static final List<String> IDS = List.of("a", "b", "c", "d");
    private static final Map<String, String> GOLD = Map.of("a", "1", "b", "0", "c", "1", "d", "0");
    private static final Map<String, ModelGuess> MODEL = Map.of(
            "a", new ModelGuess("1", 0.99), "b", new ModelGuess("0", 0.90),
            "c", new ModelGuess("0", 0.70), "d", new ModelGuess("1", 0.60));
    private static final Map<String, String> HUMAN = Map.of("a", "0", "b", "0", "c", "1", "d", "0");

    @Test
    void eachPointKeepsTheMostConfidentModelLabelsAndTheCrowdLabelsForTheRest() {
        List<RelabelingCurve.Point> points = RelabelingCurve.compute(IDS, MODEL, HUMAN, GOLD, 4);

        assertEquals(5, points.size());
        // Nothing relabeled: the model alone, 2 of 4.
        assertPoint(points.get(0), 0.0, 0.5, 0.60);
        // d relabeled: a, b, c by the model (2 right) + d by the crowd (right) = 3 of 4.
        assertPoint(points.get(1), 0.25, 0.75, 0.70);
        // c, d relabeled: a, b by the model + c, d by the crowd = 4 of 4.
        assertPoint(points.get(2), 0.5, 1.0, 0.90);
        // b, c, d relabeled: a by the model + 3 crowd labels right = 4 of 4.
        assertPoint(points.get(3), 0.75, 1.0, 0.99);
        // Everything relabeled: the crowd alone, 3 of 4.
        assertPoint(points.get(4), 1.0, 0.75, 1.0);
    }

    @Test
    void noItemsGiveNoPoints() {
        assertEquals(List.of(), RelabelingCurve.compute(List.of(), MODEL, HUMAN, GOLD, 10));
    }

    private static void assertPoint(RelabelingCurve.Point point, double relabeled, double accuracy, double threshold) {
        assertEquals(relabeled, point.relabeledShare(), EPS, "relabeled share");
        assertEquals(accuracy, point.accuracy(), EPS, "accuracy at " + relabeled);
        assertEquals(threshold, point.threshold(), EPS, "threshold at " + relabeled);
    }
}
