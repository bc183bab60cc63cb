package dev.centaur.cli.demo;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunReportTest {

    /**
     * Ten items: six by the model (five right), three by the crowd (two CROWD right, one HYBRID
     * wrong), one by an expert (right); item i10 has no gold.
     */
    private static RunReport handComputedRun() {
        List<LabeledItem> labels = List.of(
                new LabeledItem("i1", "a", "MODEL", 0),
                new LabeledItem("i2", "a", "MODEL", 0),
                new LabeledItem("i3", "b", "MODEL", 0),
                new LabeledItem("i4", "b", "MODEL", 0),
                new LabeledItem("i5", "a", "MODEL", 0),
                new LabeledItem("i6", "b", "MODEL", 0),
                new LabeledItem("i7", "a", "CROWD", 3),
                new LabeledItem("i8", "b", "CROWD", 3),
                new LabeledItem("i9", "a", "HYBRID", 2),
                new LabeledItem("i10", "b", "EXPERT", 0));
        Map<String, String> gold = Map.of("i1", "a", "i2", "a", "i3", "b", "i4", "b", "i5", "a",
                "i6", "a", "i7", "a", "i8", "b", "i9", "b");
        QcAccuracy model = new QcAccuracy("MODEL", 4, 3, 0.75, 0.30, 0.95);
        QcAccuracy overall = new QcAccuracy("UNSPECIFIED", 5, 4, 0.8, 0.38, 0.96);
        return RunReport.compute(new RunReport.Input("test run", 10, labels, gold,
                9, 5, 10, 3, new Prices(0.04, 0.40, 0.01), List.of(model), overall));
    }

    @Test
    void accuracyPerSourceCountsOnlyItemsWithGold() {
        RunReport report = handComputedRun();
        assertEquals(new RunReport.Accuracy(5, 6), report.modelAccuracy());
        assertEquals(new RunReport.Accuracy(2, 3), report.crowdAccuracy());
        assertEquals(new RunReport.Accuracy(7, 9), report.overallAccuracy());
        assertEquals(6, report.labeledByModel());
        assertEquals(0.6, report.modelShare(), 1e-12);
        assertEquals(8, report.crowdAnswersUsed());
        assertEquals(9, report.crowdAnswersPaid());
    }

    @Test
    void costComparesWithCrowdOnlyAtTheSameOverlap() {
        RunReport.Costs costs = handComputedRun().costs();
        assertEquals(0.0001, costs.model(), 1e-12);   // 10 predictions at 0.01 per 1,000
        assertEquals(0.36, costs.crowd(), 1e-12);     // 9 answers at 0.04
        assertEquals(2.00, costs.expert(), 1e-12);    // 5 reviews at 0.40
        assertEquals(2.3601, costs.total(), 1e-12);
        assertEquals(1.20, costs.crowdOnly(), 1e-12); // 10 items x 3 answers x 0.04
        assertEquals(100 * (1.20 - 2.3601) / 1.20, costs.savingPercent(), 1e-9);
    }

    @Test
    void savingIsPositiveWhenTheModelDoesMostOfTheWork() {
        RunReport.Costs costs = new RunReport.Costs(0.02, 30, 8, 240);
        assertEquals(100 * 201.98 / 240, costs.savingPercent(), 1e-9); // (240 - 38.02) / 240
    }

    @Test
    void accuracyWithoutGoldIsNotANumber() {
        assertTrue(Double.isNaN(new RunReport.Accuracy(0, 0).value()));
    }

    @Test
    void tableShowsTheFiguresAndTheQcInterval() {
        String table = handComputedRun().toTable();
        assertTrue(table.contains("| items labeled "), table);
        assertTrue(table.contains("6  (60.0%)"), table);
        assertTrue(table.contains("0.833  (5 of 6)"), table);
        assertTrue(table.contains("0.667  (2 of 3)"), table);
        assertTrue(table.contains("0.778  (7 of 9)"), table);
        assertTrue(table.contains("8 / 9"), table);
        assertTrue(table.contains("QC accuracy MODEL"), table);
        assertTrue(table.contains("0.750  [0.300, 0.950]  3 of 4 reviews"), table);
        assertTrue(table.contains("2.36"), table);
        assertTrue(table.contains("-96.7%"), table);
        long widths = table.lines().map(String::length).distinct().count();
        assertEquals(1, widths, "every line of the table has the same width:\n" + table);
    }
}
