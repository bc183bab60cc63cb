package dev.centaur.inference.model;

/**
 * One item as the network reads it.
 *
 * @param buckets embedding rows of the hashed sparse features (averaged into one vector)
 * @param dense the overlap features of a pair (all zero for a single text)
 */
public record ItemFeatures(int[] buckets, float[] dense) {
}
