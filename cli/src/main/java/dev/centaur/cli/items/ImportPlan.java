package dev.centaur.cli.items;

import dev.centaur.cli.dataset.DatasetItem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which items of a checked file become golden items and which are submitted for labeling. Items
 * with a gold label are golden, or, with a gold share below 1, those whose seeded hash of the id
 * falls under the share: the same file and seed always give the same golden set.
 */
public record ImportPlan(List<DatasetItem> golden, List<DatasetItem> submitted, Map<String, String> gold) {

    public static ImportPlan of(ItemFile.Contents contents, double goldShare, long seed) {
        if (!(goldShare >= 0 && goldShare <= 1)) {
            throw new IllegalArgumentException("--gold-share must be in [0, 1], was " + goldShare);
        }
        List<DatasetItem> golden = new ArrayList<>();
        List<DatasetItem> submitted = new ArrayList<>();
        for (DatasetItem item : contents.items()) {
            boolean isGolden = contents.gold().containsKey(item.id()) && hashShare(item.id(), seed) < goldShare;
            (isGolden ? golden : submitted).add(item);
        }
        return new ImportPlan(List.copyOf(golden), List.copyOf(submitted), contents.gold());
    }

    /** A number in [0, 1) fixed by the id and the seed (SHA-256, so it does not depend on the JVM). */
    static double hashShare(String id, long seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((seed + ":" + id).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = (bits << 8) | (digest[i] & 0xff);
            }
            return bits / (double) (1L << 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
