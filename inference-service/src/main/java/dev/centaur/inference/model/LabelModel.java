package dev.centaur.inference.model;

import java.util.List;

/**
 * What every model kind is to the service (built-in, TorchScript, remote LLM): one distribution
 * over {@link #labels()} per item, in label order, each summing to 1.
 *
 * <p>Prediction runs in two stages so the batcher can share forward passes between callers: the
 * per-item {@link #prepare} (featurizing, tokenizing) runs on the caller's thread, the batched
 * {@link #predictPrepared} on the version's batch worker.
 *
 * @param <P> an item made ready for the forward pass
 */
public interface LabelModel<P> extends AutoCloseable {

    /** The label set, in the order of every distribution. */
    List<String> labels();

    /** The per-item part of prediction; safe to call from many threads at once. */
    P prepare(ItemText item);

    /** One distribution per prepared item, in order; called by one thread at a time per model. */
    double[][] predictPrepared(List<P> items);

    /** Both stages on the calling thread. */
    default double[][] predict(List<ItemText> items) {
        return predictPrepared(items.stream().map(this::prepare).toList());
    }

    /** Frees native memory and connections; no prediction may run after. */
    @Override
    void close();
}
