package dev.centaur.inference.batching;

import java.util.List;

/** One forward pass: an output per input, in input order. */
@FunctionalInterface
public interface BatchFunction<I, O> {

    List<O> apply(List<I> inputs);
}
