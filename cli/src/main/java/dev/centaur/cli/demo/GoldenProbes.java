package dev.centaur.cli.demo;

import java.util.Collection;
import java.util.List;

/**
 * Router sends a share of the held-out golden items to the crowd as probes, to measure the
 * crowd's accuracy, under the id {@code golden-probe:<item id>} (router-service's
 * GoldenProbeRepository). A simulated annotator answers a probe as it would the golden item.
 */
public final class GoldenProbes {

    public static final String PREFIX = "golden-probe:";

    private GoldenProbes() {
    }

    /** The golden item a task is about: the id itself for an ordinary item. */
    public static String itemIdOf(String taskItemId) {
        return taskItemId.startsWith(PREFIX) ? taskItemId.substring(PREFIX.length()) : taskItemId;
    }

    /** The ids under which the crowd may see these golden items. */
    public static List<String> probeIds(Collection<String> goldenItemIds) {
        return goldenItemIds.stream().map(id -> PREFIX + id).toList();
    }
}
