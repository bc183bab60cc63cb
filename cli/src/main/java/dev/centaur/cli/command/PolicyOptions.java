package dev.centaur.cli.command;

import dev.centaur.cli.CliException;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.PolicyMode;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Policy options of {@code project create} and {@code policy set}. An option left out keeps the
 * base policy's value; router validates the result (ranges, label names).
 */
public class PolicyOptions {

    @Option(names = "--threshold", description = "Fixed threshold: the model labels an item when max p >= this (mode THRESHOLD).")
    Double threshold;

    @Option(names = "--target-accuracy", description = "Mode TARGET_ACCURACY: router picks the threshold whose expected overall accuracy (lower 95% bound) reaches this.")
    Double targetAccuracy;

    @Option(names = "--budget", description = "Mode BUDGET: router picks the most accurate threshold whose expected cost per item is within this.")
    Double budgetPerItem;

    @Option(names = "--label-threshold", paramLabel = "LABEL=VALUE",
            description = "Threshold for items the model gives LABEL (mode THRESHOLD); repeatable.")
    Map<String, Double> labelThresholds;

    @Option(names = "--overlap", description = "Crowd answers per item, 1..20.")
    Integer overlap;

    @Option(names = "--qc-rate", description = "Share of final labels sampled for expert review.")
    Double qcRate;

    @Option(names = "--price-per-answer", description = "Price of one crowd answer.")
    Double pricePerAnswer;

    @Option(names = "--price-per-review", description = "Price of one expert review.")
    Double pricePerReview;

    @Option(names = "--price-per-1k-predictions", description = "Price of 1,000 model predictions.")
    Double pricePer1kPredictions;

    /** {@code base} with every given option applied; the mode follows the option that sets it. */
    Policy apply(Policy base) {
        if (targetAccuracy != null && budgetPerItem != null) {
            throw new CliException("--target-accuracy and --budget choose different modes: give one");
        }
        Policy.Builder policy = base.toBuilder();
        if (threshold != null) {
            policy.setThreshold(threshold);
        }
        if (labelThresholds != null) {
            policy.clearLabelThresholds().putAllLabelThresholds(labelThresholds);
        }
        if (targetAccuracy != null) {
            policy.setMode(PolicyMode.POLICY_MODE_TARGET_ACCURACY).setTargetAccuracy(targetAccuracy);
        } else if (budgetPerItem != null) {
            policy.setMode(PolicyMode.POLICY_MODE_BUDGET).setBudgetPerItem(budgetPerItem);
        } else if (threshold != null || labelThresholds != null) {
            policy.setMode(PolicyMode.POLICY_MODE_THRESHOLD);
        }
        if (overlap != null) {
            policy.setOverlap(overlap);
        }
        if (qcRate != null) {
            policy.setQcRate(qcRate);
        }
        if (pricePerAnswer != null) {
            policy.setPricePerCrowdAnswer(pricePerAnswer);
        }
        if (pricePerReview != null) {
            policy.setPricePerExpertReview(pricePerReview);
        }
        if (pricePer1kPredictions != null) {
            policy.setPricePer1KPredictions(pricePer1kPredictions);
        }
        return policy.build();
    }

    /** The defaults of a new project: those of the demo. */
    static Policy defaults() {
        return Policy.newBuilder().setMode(PolicyMode.POLICY_MODE_THRESHOLD).setThreshold(0.9).setOverlap(3)
                .setQcRate(0.05).setPricePerCrowdAnswer(0.04).setPricePerExpertReview(0.40)
                .setPricePer1KPredictions(0.01).build();
    }

    /** One line: mode and its parameters, thresholds, overlap, QC rate and prices. */
    static String describe(Policy p) {
        String mode = switch (p.getMode()) {
            case POLICY_MODE_TARGET_ACCURACY -> String.format(Locale.ROOT, "target accuracy %.3f", p.getTargetAccuracy());
            case POLICY_MODE_BUDGET -> String.format(Locale.ROOT, "budget %.4f per item", p.getBudgetPerItem());
            default -> "fixed threshold";
        };
        return String.format(Locale.ROOT,
                "%s; threshold %.3f%s%s; overlap %d; qc rate %.2f; prices: answer %.4f, review %.4f, 1k predictions %.4f",
                mode, p.getThreshold(), p.getLabelThresholdsCount() > 0 ? " per label " + new TreeMap<>(p.getLabelThresholdsMap()) : "",
                p.getMinThreshold() > 0 ? String.format(Locale.ROOT, " (floor %.3f)", p.getMinThreshold()) : "",
                p.getOverlap(), p.getQcRate(), p.getPricePerCrowdAnswer(), p.getPricePerExpertReview(), p.getPricePer1KPredictions());
    }
}
