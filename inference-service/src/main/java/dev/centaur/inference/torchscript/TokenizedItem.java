package dev.centaur.inference.torchscript;

/** One item's token ids and token type ids (pairs: 0 for A, 1 for B), without padding. */
public record TokenizedItem(long[] ids, long[] typeIds) {
}
