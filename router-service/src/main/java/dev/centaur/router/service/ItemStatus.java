package dev.centaur.router.service;

/** Where an item is in its life. */
public enum ItemStatus {
    /** Stored, waiting for the model. */
    NEW,
    /** The model was not confident (or there is no model): to be enqueued at crowd. */
    TO_CROWD,
    /** Crowd acknowledged the item; waiting for its result. */
    WITH_CROWD,
    /** Has its final label. */
    LABELED
}
