package dev.centaur.qc.service;

/**
 * The result of an expert's answer: whether they agreed with the final label, which it was and
 * where it came from (shown only now), and what became of the sampled label.
 *
 * @param decidedLabel the verdict when {@code outcome} is DECIDED, else null
 * @param corrected whether the verdict found the final label wrong (a correction was recorded)
 */
public record AnsweredReview(
        String projectId,
        boolean finalLabelCorrect,
        String finalLabel,
        FinalLabelSource finalLabelSource,
        ReviewOutcome outcome,
        String decidedLabel,
        boolean corrected) {
}
