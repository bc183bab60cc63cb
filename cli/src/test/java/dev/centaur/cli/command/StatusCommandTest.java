package dev.centaur.cli.command;

import dev.centaur.router.v1.GetProgressResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusCommandTest {

    @Test
    void theBarFillsInProportionAndNamesSourcesAndWaitingItems() {
        GetProgressResponse p = GetProgressResponse.newBuilder().setItems(1000).setLabeled(250).setAwaitingModel(10)
                .setWithCrowd(740).setOfferedToQc(200).putLabeledBySource("MODEL", 200).putLabeledBySource("CROWD", 50).build();
        assertEquals("[##########------------------------------] 250/1000 labeled  25.0% | CROWD 50, MODEL 200"
                + " | waiting: model 10, crowd 740 | offered to QC 200", StatusCommand.line(p));
    }

    @Test
    void aProjectWithoutItemsShowsAnEmptyBar() {
        assertEquals("[----------------------------------------] 0/0 labeled   0.0% | no labels yet | waiting: model 0, crowd 0"
                + " | offered to QC 0", StatusCommand.line(GetProgressResponse.getDefaultInstance()));
    }
}
