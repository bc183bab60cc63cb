package dev.centaur.cli.command;

import dev.centaur.router.v1.GetCostResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class CostCommandTest {

    @Test
    void tableShowsReviewsDoneAndKeepsTheExpectedSpendApart() {
        GetCostResponse cost = GetCostResponse.newBuilder().setModelSpend(0.05).setModelPredictions(5000)
                .setCrowdSpend(40).setCrowdAnswers(1000).setCrowdProbeAnswers(30)
                .setExpertSpend(12).setExpertReviews(30).setReviewedLabels(25)
                .setExpectedExpertSpend(10).setExpectedExpertReviews(25)
                .setTotalSpend(52.05).setFinalLabels(5000).setCostPerFinalLabel(0.01041)
                .setCrowdOnlySpend(600).setSaving(547.95).build();

        String table = CostCommand.table("p", cost);

        assertTrue(table.contains("  expert QC                   12.0000  30 reviews done on 25 labels\n"), table);
        assertTrue(table.contains("  expert QC (expected)        10.0000  25.0 reviews at the QC rate; not in the total\n"), table);
        assertTrue(table.contains("1000 answers used + 30 on golden probes"), table);
        assertTrue(table.contains("91.3%"), table);
    }
}
