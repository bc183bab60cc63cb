package dev.centaur.qc.service;

/** What became of a sampled label after one expert's answer. */
public enum ReviewOutcome {
    /** The experts' verdict is known and counts in the accuracy figures. */
    DECIDED,
    /** The label needs two reviews and the other expert has yet to answer. */
    AWAITING_SECOND_REVIEW,
    /** The two experts disagreed: a third review was queued, whose answer decides. */
    SENT_TO_THIRD_REVIEW
}
