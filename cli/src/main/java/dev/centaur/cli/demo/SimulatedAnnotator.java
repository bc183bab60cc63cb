package dev.centaur.cli.demo;

import java.util.Optional;
import java.util.Set;

/** A stand-in for a person answering crowd tasks. */
public interface SimulatedAnnotator {

    /** Registered with crowd-service under this name. */
    String name();

    /**
     * The items this annotator can answer, sent as NextTask's only_item_ids; empty means any
     * item. Must not become empty for an annotator that had a list: it would mean "any item".
     */
    Set<String> answerableItemIds();

    /** The label this annotator gives the item, or empty when they have no answer for it. */
    Optional<String> answer(String itemId);
}
