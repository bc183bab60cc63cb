package dev.centaur.cli.client;

import dev.centaur.cli.dataset.DatasetItem;
import dev.centaur.router.v1.SubmitItemsRequest;
import dev.centaur.router.v1.SubmittedItem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemPagesTest {

    private static List<DatasetItem> items(int count, int textLength) {
        List<DatasetItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(DatasetItem.pair(String.format("item-%05d", i), "a".repeat(textLength), "b".repeat(textLength)));
        }
        return items;
    }

    @Test
    void shortItemsGoInPagesOfAThousand() {
        List<SubmitItemsRequest> pages = ItemPages.submitPages("p", items(2500, 10));
        assertEquals(List.of(1000, 1000, 500), pages.stream().map(SubmitItemsRequest::getItemsCount).toList());
    }

    @Test
    void longItemsGoInPagesUnderTheByteLimitInTheirOrder() {
        List<DatasetItem> items = items(1000, 250);
        List<SubmitItemsRequest> pages = ItemPages.submitPages("p", items);
        assertTrue(pages.size() > 2, "pages: " + pages.size());
        pages.forEach(page -> assertTrue(page.getSerializedSize() <= ItemPages.MAX_BYTES,
                "page of " + page.getSerializedSize() + " bytes"));
        List<String> sent = pages.stream().flatMap(page -> page.getItemsList().stream()).map(SubmittedItem::getItemId).toList();
        assertEquals(items.stream().map(DatasetItem::id).toList(), sent);
    }
}
