package dev.centaur.cli.items;

import dev.centaur.cli.dataset.DatasetItem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportPlanTest {

    private static ItemFile.Contents contents(int count, int withGold) {
        List<DatasetItem> items = new ArrayList<>();
        Map<String, String> gold = new HashMap<>();
        for (int i = 0; i < count; i++) {
            items.add(DatasetItem.single("item-" + i, "text " + i));
            if (i < withGold) {
                gold.put("item-" + i, "a");
            }
        }
        return new ItemFile.Contents(items, gold, List.of(), 0);
    }

    @Test
    void withTheWholeShareEveryItemWithGoldIsGoldenAndTheRestSubmitted() {
        ImportPlan plan = ImportPlan.of(contents(10, 4), 1, 42);
        assertEquals(List.of("item-0", "item-1", "item-2", "item-3"), plan.golden().stream().map(DatasetItem::id).toList());
        assertEquals(6, plan.submitted().size());
    }

    @Test
    void aShareChoosesAboutThatManyGoldenItemsTheSameWayEveryTime() {
        ImportPlan plan = ImportPlan.of(contents(5000, 5000), 0.2, 7);
        double share = plan.golden().size() / 5000.0;
        assertTrue(share > 0.18 && share < 0.22, "share " + share);
        assertEquals(plan.golden(), ImportPlan.of(contents(5000, 5000), 0.2, 7).golden());
        assertEquals(5000, plan.golden().size() + plan.submitted().size());
        assertTrue(!plan.golden().equals(ImportPlan.of(contents(5000, 5000), 0.2, 8).golden()), "another seed, another set");
    }
}
