package dev.centaur.cli.bench;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadlineTableTest {

    private static final double EPS = 1e-9;
    private static final HeadlineTable.Prices PRICES = new HeadlineTable.Prices(0.04, 0.01);

    // Ten evaluated items, all with gold label "1".
    private static final List<String> IDS = List.of("i0", "i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8", "i9");
    private static final Map<String, String> GOLD = new HashMap<>();

    static {
        IDS.forEach(id -> GOLD.put(id, "1"));
    }

    @Test
    void rowsCountAccuracyModelShareAnswersAndCostAgainstHuman() {
        // Human: 3 answers each, 8 of 10 right. Cost 0.12 per item.
        Map<String, LabelOutcome> human = labels(8, id -> new LabelOutcome("1", "CROWD", 3), id -> new LabelOutcome("0", "CROWD", 3));
        // Model alone: 7 of 10 right.
        Map<String, ModelGuess> model = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            model.put(IDS.get(i), new ModelGuess(i < 7 ? "1" : "0", 0.9));
        }
        // Cost-optimized: model labels 6 (all right), crowd labels 4 with 1 answer each, 3 right: 9 of 10, 4 answers.
        Map<String, LabelOutcome> cost = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            cost.put(IDS.get(i), i < 6 ? new LabelOutcome("1", "MODEL", 0) : new LabelOutcome(i < 9 ? "1" : "0", "HYBRID", 1));
        }
        // Quality-optimized: all right, model 5, crowd 5 with 3 answers: 15 answers.
        Map<String, LabelOutcome> quality = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            quality.put(IDS.get(i), i < 5 ? new LabelOutcome("1", "MODEL", 0) : new LabelOutcome("1", "HYBRID", 3));
        }

        HeadlineTable table = HeadlineTable.compute(IDS, GOLD, PRICES, human, model, cost, quality);

        HeadlineTable.Row humanRow = table.row("Human");
        assertEquals(0.8, humanRow.accuracy(), EPS);
        assertEquals(0.0, humanRow.modelShare(), EPS);
        assertEquals(30, humanRow.answersUsed());
        assertEquals(0.12, humanRow.costPerItem(), EPS);
        assertEquals(0.0, humanRow.costReduction(), EPS);
        // Wilson 95% for 8 of 10, computed by hand: [0.4902, 0.9433].
        assertEquals(0.4902, humanRow.accuracyLow(), 5e-5);
        assertEquals(0.9433, humanRow.accuracyHigh(), 5e-5);

        HeadlineTable.Row modelRow = table.row("Model");
        assertEquals(0.7, modelRow.accuracy(), EPS);
        assertEquals(1.0, modelRow.modelShare(), EPS);
        assertEquals(0.00001, modelRow.costPerItem(), EPS);

        HeadlineTable.Row costRow = table.row("Hybrid, cost-optimized");
        assertEquals(0.9, costRow.accuracy(), EPS);
        assertEquals(0.6, costRow.modelShare(), EPS);
        assertEquals(4, costRow.answersUsed());
        // 4 answers x 0.04 / 10 items + one prediction per item.
        assertEquals(0.016 + 0.00001, costRow.costPerItem(), EPS);
        assertEquals(1 - 0.01601 / 0.12, costRow.costReduction(), EPS);

        HeadlineTable.Row qualityRow = table.row("Hybrid, quality-optimized");
        assertEquals(1.0, qualityRow.accuracy(), EPS);
        assertEquals(15, qualityRow.answersUsed());
        assertEquals(1 - 0.06001 / 0.12, qualityRow.costReduction(), EPS);

        assertTrue(table.verdicts().get(0).endsWith("met") && !table.verdicts().get(0).contains("NOT"), table.verdicts().get(0));
        assertTrue(table.verdicts().get(1).endsWith("met") && !table.verdicts().get(1).contains("NOT"), table.verdicts().get(1));
        assertTrue(table.toMarkdown("toy").contains("| Hybrid, cost-optimized | 0.900 [0.596, 0.982] | 60.0% | 4 | 0.0160 | 86.7% lower |"),
                table.toMarkdown("toy"));
    }

    @Test
    void goalsNotReachedAreSaidSo() {
        Map<String, LabelOutcome> human = labels(9, id -> new LabelOutcome("1", "CROWD", 3), id -> new LabelOutcome("0", "CROWD", 3));
        Map<String, ModelGuess> model = new HashMap<>();
        IDS.forEach(id -> model.put(id, new ModelGuess("0", 0.6)));
        // Cheaper but less accurate; and a quality point only as good as Human.
        Map<String, LabelOutcome> cost = labels(8, id -> new LabelOutcome("1", "HYBRID", 1), id -> new LabelOutcome("0", "HYBRID", 1));
        Map<String, LabelOutcome> quality = labels(9, id -> new LabelOutcome("1", "HYBRID", 3), id -> new LabelOutcome("0", "HYBRID", 3));

        HeadlineTable table = HeadlineTable.compute(IDS, GOLD, PRICES, human, model, cost, quality);

        assertTrue(table.verdicts().get(0).endsWith("NOT met"), table.verdicts().get(0));
        assertTrue(table.verdicts().get(1).endsWith("NOT met"), table.verdicts().get(1));
    }

    @Test
    void aRunWithoutALabelForAnEvaluatedItemIsRefused() {
        Map<String, LabelOutcome> human = labels(10, id -> new LabelOutcome("1", "CROWD", 3), id -> null);
        Map<String, LabelOutcome> missingOne = new HashMap<>(human);
        missingOne.remove("i4");
        Map<String, ModelGuess> model = new HashMap<>();
        IDS.forEach(id -> model.put(id, new ModelGuess("1", 0.6)));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HeadlineTable.compute(IDS, GOLD, PRICES, human, model, missingOne, human));
        assertTrue(error.getMessage().contains("i4"), error.getMessage());
    }

    /** The first {@code right} items get the right outcome, the rest the wrong one. */
    private static Map<String, LabelOutcome> labels(int right, java.util.function.Function<String, LabelOutcome> rightLabel,
            java.util.function.Function<String, LabelOutcome> wrongLabel) {
        Map<String, LabelOutcome> labels = new HashMap<>();
        for (int i = 0; i < IDS.size(); i++) {
            String id = IDS.get(i);
            labels.put(id, i < right ? rightLabel.apply(id) : wrongLabel.apply(id));
        }
        return labels;
    }
}
