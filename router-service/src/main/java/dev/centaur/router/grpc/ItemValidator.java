package dev.centaur.router.grpc;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.router.repository.GoldenProbeRepository;
import dev.centaur.router.v1.GoldenItem;
import dev.centaur.router.v1.SubmittedItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rules for submitted items; the limits come from configuration. */
final class ItemValidator {

    static final int MAX_ITEM_ID_CHARACTERS = 128;

    /** Configured limits on one SubmitItems call. */
    record Limits(int maxItems, int maxTextCharacters, int maxMetadataEntries) {
    }

    private ItemValidator() {
    }

    /**
     * Checks every item before anything is stored, so a bad item anywhere stores nothing. Project
     * items may not take the golden probes' id prefix: crowd knows both by their ids.
     */
    static void validate(List<SubmittedItem> items, Limits limits) {
        validateItems(items, limits);
        for (int i = 0; i < items.size(); i++) {
            String itemId = items.get(i).getItemId();
            if (itemId.startsWith(GoldenProbeRepository.CROWD_ID_PREFIX)) {
                throw Fields.invalid("items[" + i + "].item_id", Fields.show(itemId) + " starts with \""
                        + GoldenProbeRepository.CROWD_ID_PREFIX + "\", which router keeps for golden probes");
            }
        }
    }

    private static void validateItems(List<SubmittedItem> items, Limits limits) {
        if (items.isEmpty() || items.size() > limits.maxItems()) {
            throw Fields.invalid("items", "has " + items.size() + " items, must have 1 to " + limits.maxItems());
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            SubmittedItem item = items.get(i);
            String field = "items[" + i + "]";
            validateItemId(field + ".item_id", item.getItemId());
            Integer earlier = firstIndex.putIfAbsent(item.getItemId(), i);
            if (earlier != null) {
                throw Fields.invalid(field + ".item_id",
                        Fields.show(item.getItemId()) + " repeats items[" + earlier + "].item_id");
            }
            validateContent(field + ".content", item.getContent(), limits.maxTextCharacters());
            validateMetadata(field + ".metadata", item.getMetadataMap(), limits.maxMetadataEntries());
        }
    }

    /** Golden items follow the items' rules (no metadata) and need a gold label. */
    static void validateGolden(List<GoldenItem> items, Limits limits) {
        validateItems(items.stream()
                .map(item -> SubmittedItem.newBuilder()
                        .setItemId(item.getItemId()).setContent(item.getContent()).build())
                .toList(), limits);
        for (int i = 0; i < items.size(); i++) {
            Fields.id("items[" + i + "].gold_label", items.get(i).getGoldLabel());
        }
    }

    private static void validateItemId(String field, String itemId) {
        if (itemId.isEmpty()) {
            throw Fields.invalid(field, "is empty");
        }
        Fields.atMostCharacters(field, itemId, MAX_ITEM_ID_CHARACTERS);
        Fields.storable(field, itemId);
    }

    /** Exactly one form: a text, or both halves of a pair. */
    private static void validateContent(String field, ItemContent content, int maxCharacters) {
        boolean single = !content.getText().isEmpty();
        boolean pair = !content.getTextA().isEmpty() || !content.getTextB().isEmpty();
        if (single && pair) {
            throw Fields.invalid(field, "has both text " + Fields.show(content.getText())
                    + " and text_a/text_b; set either text or text_a and text_b");
        }
        if (!single && !pair) {
            throw Fields.invalid(field, "is empty: set either text or text_a and text_b");
        }
        if (single) {
            validateText(field + ".text", content.getText(), maxCharacters);
        } else {
            validateText(field + ".text_a", content.getTextA(), maxCharacters);
            validateText(field + ".text_b", content.getTextB(), maxCharacters);
        }
    }

    private static void validateText(String field, String text, int maxCharacters) {
        Fields.notBlank(field, text);
        Fields.atMostCharacters(field, text, maxCharacters);
    }

    private static void validateMetadata(String field, Map<String, String> metadata, int maxEntries) {
        if (metadata.size() > maxEntries) {
            throw Fields.invalid(field, "has " + metadata.size() + " entries, more than " + maxEntries);
        }
        metadata.forEach((key, value) -> {
            Fields.storable(field + " key", key);
            Fields.storable(field + "[" + Fields.show(key) + "]", value);
        });
    }
}
