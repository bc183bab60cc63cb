package dev.centaur.qc.sampling;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Decides which final labels go to expert review. The decision is a pure function of
 * (seed, project, item), so it does not depend on arrival order, on batching or on which replica
 * receives the label, and re-offering an item always gives the same answer. Because every source
 * is sampled at the same rate, the sample is proportionally stratified by source.
 */
public final class ReviewSampler {

    /** A double has 53 bits of mantissa: the top 53 bits of the hash map exactly onto [0, 1). */
    private static final int MANTISSA_BITS = 53;
    private static final double UNIT_SCALE = 0x1.0p-53;

    private final byte[] seed;

    public ReviewSampler(String seed) {
        this.seed = Objects.requireNonNull(seed, "seed").getBytes(StandardCharsets.UTF_8);
    }

    /** The item's fixed position in [0, 1): it is sampled at every rate above this position. */
    public double position(String projectId, String itemId) {
        MessageDigest sha256 = newSha256();
        update(sha256, seed);
        update(sha256, projectId.getBytes(StandardCharsets.UTF_8));
        update(sha256, itemId.getBytes(StandardCharsets.UTF_8));
        long bits = ByteBuffer.wrap(sha256.digest()).getLong() >>> (Long.SIZE - MANTISSA_BITS);
        return bits * UNIT_SCALE;
    }

    /** Whether the item is sampled at {@code rate} (0 samples nothing, 1 samples everything). */
    public boolean isSampled(String projectId, String itemId, double rate) {
        return position(projectId, itemId) < rate;
    }

    /** Length-prefixed, so ("ab", "c") and ("a", "bc") hash differently. */
    private static void update(MessageDigest digest, byte[] field) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(field.length).array());
        digest.update(field);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships SHA-256", e);
        }
    }
}
