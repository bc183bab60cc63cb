package dev.centaur.inference.model;

/**
 * One item as the network reads it: hashed feature ids in three consecutive groups, each averaged
 * in a bag of its own, and a dense vector.
 *
 * <p>For a pair: {@code [0, sharedStart)} are the quantized overlap values, {@code [sharedStart,
 * sidesStart)} the codes, words and bigrams the sides share and the words only B has, the rest
 * the words and bigrams of each side. A single text has only side features (both starts are 0).
 * Separate bags keep a dozen overlap features from being drowned by hundreds of side words.
 *
 * @param buckets embedding rows of the hashed sparse features
 * @param sharedStart index of the first shared-token feature
 * @param sidesStart index of the first side feature
 * @param dense the overlap features of a pair (all zero for a single text)
 */
public record ItemFeatures(int[] buckets, int sharedStart, int sidesStart, float[] dense) {

    /** Number of bags the features fall into. */
    public static final int BAGS = 3;

    /** The bag of the feature at {@code index}: 0 overlap bins, 1 shared tokens, 2 sides. */
    public int bagOf(int index) {
        return index < sharedStart ? 0 : index < sidesStart ? 1 : 2;
    }
}
