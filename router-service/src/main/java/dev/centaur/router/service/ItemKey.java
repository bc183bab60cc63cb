package dev.centaur.router.service;

import java.io.Serializable;
import java.util.Objects;

/** Key of an item and of its final label: the client's item id within its project. */
public class ItemKey implements Serializable {

    public String projectId;
    public String itemId;

    public ItemKey() {
    }

    public ItemKey(String projectId, String itemId) {
        this.projectId = projectId;
        this.itemId = itemId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ItemKey key
                && Objects.equals(projectId, key.projectId)
                && Objects.equals(itemId, key.itemId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(projectId, itemId);
    }
}
