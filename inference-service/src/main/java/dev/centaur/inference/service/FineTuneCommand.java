package dev.centaur.inference.service;

/**
 * A validated FineTune request.
 *
 * @param requestHash SHA-256 of the request, to tell a retry from a reused request id
 * @param training the examples and settings (activate is decided by the job, not the request)
 * @param holdoutEligible per example: may it be held out (golden and expert labels) or not (crowd)
 */
public record FineTuneCommand(
        String requestId,
        String requestHash,
        TrainingCommand training,
        boolean[] holdoutEligible,
        int goldenExamples,
        int expertExamples,
        int crowdExamples,
        boolean force) {
}
