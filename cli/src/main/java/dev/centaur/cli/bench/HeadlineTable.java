package dev.centaur.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headline comparison on the evaluated items (never the golden set): crowd only, model only,
 * and the two hybrid operating points, each with its accuracy, the share the model labeled, the
 * crowd answers it used and its cost against crowd-only labeling.
 */
public final class HeadlineTable {

    /** The goal of the cost-optimized point: at least this much cheaper than crowd only. */
    public static final double COST_GOAL_REDUCTION = 0.30;
    /** The goal of the quality-optimized point: this many accuracy points above crowd only. */
    public static final double QUALITY_GOAL_GAIN = 0.02;

    /** Prices of one crowd answer and of 1,000 model predictions. */
    public record Prices(double perCrowdAnswer, double per1kPredictions) {
    }

    /** One row; costReduction is the share saved against the Human row (negative when dearer). */
    public record Row(String name, long correct, long total, double accuracyLow, double accuracyHigh,
            double modelShare, long answersUsed, double costPerItem, double costReduction) {

        public double accuracy() {
            return total == 0 ? Double.NaN : (double) correct / total;
        }
    }

    private final List<Row> rows;
    private final List<String> verdicts;

    private HeadlineTable(List<Row> rows, List<String> verdicts) {
        this.rows = rows;
        this.verdicts = verdicts;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Whether each goal was reached, and by how much. */
    public List<String> verdicts() {
        return verdicts;
    }

    public Row row(String name) {
        return rows.stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * @param human            crowd only: every recorded answer, the project's aggregation
     * @param model            the model's label for every evaluated item
     * @param costOptimized    the hybrid run at the cheapest point meant to match Human's accuracy
     * @param qualityOptimized the hybrid run at the most accurate point within Human's cost
     */
    public static HeadlineTable compute(List<String> evalIds, Map<String, String> gold, Prices prices,
            Map<String, LabelOutcome> human, Map<String, ModelGuess> model,
            Map<String, LabelOutcome> costOptimized, Map<String, LabelOutcome> qualityOptimized) {
        if (evalIds.isEmpty()) {
            throw new IllegalArgumentException("no evaluated items");
        }
        Tally humanTally = Tally.of("Human", evalIds, gold, human);
        double humanCost = humanTally.answers * prices.perCrowdAnswer() / evalIds.size();
        Row humanRow = humanTally.row(humanCost, humanCost);
        long modelCorrect = evalIds.stream().filter(id -> gold.get(id).equals(model.get(id).label())).count();
        Row modelRow = new Tally("Model", modelCorrect, evalIds.size(), evalIds.size(), 0)
                .row(prices.per1kPredictions() / 1000.0, humanCost);
        Row cost = hybridRow("Hybrid, cost-optimized", evalIds, gold, costOptimized, prices, humanCost);
        Row quality = hybridRow("Hybrid, quality-optimized", evalIds, gold, qualityOptimized, prices, humanCost);
        List<String> verdicts = new ArrayList<>();
        boolean costMet = cost.accuracy() >= humanRow.accuracy() && cost.costReduction() >= COST_GOAL_REDUCTION;
        verdicts.add(String.format(Locale.ROOT,
                "cost-optimized: %+.1f accuracy points against Human at %.1f%% lower cost; goal (at least Human's accuracy, at least %.0f%% cheaper) %s",
                100 * (cost.accuracy() - humanRow.accuracy()), 100 * cost.costReduction(), 100 * COST_GOAL_REDUCTION,
                costMet ? "met" : "NOT met"));
        boolean qualityMet = quality.costReduction() >= 0 && quality.accuracy() >= humanRow.accuracy() + QUALITY_GOAL_GAIN - 1e-12;
        verdicts.add(String.format(Locale.ROOT,
                "quality-optimized: %+.1f accuracy points against Human at %.1f%% lower cost; goal (at least +%.0f points, no dearer) %s",
                100 * (quality.accuracy() - humanRow.accuracy()), 100 * quality.costReduction(), 100 * QUALITY_GOAL_GAIN,
                qualityMet ? "met" : "NOT met"));
        return new HeadlineTable(List.of(humanRow, modelRow, cost, quality), List.copyOf(verdicts));
    }

    /** A hybrid run pays its crowd answers and one model prediction per item. */
    private static Row hybridRow(String name, List<String> evalIds, Map<String, String> gold, Map<String, LabelOutcome> labels,
            Prices prices, double humanCost) {
        Tally tally = Tally.of(name, evalIds, gold, labels);
        double cost = tally.answers * prices.perCrowdAnswer() / evalIds.size() + prices.per1kPredictions() / 1000.0;
        return tally.row(cost, humanCost);
    }

    /** Counts over the evaluated items of one run. */
    private record Tally(String name, long correct, long total, long byModel, long answers) {

        static Tally of(String name, List<String> evalIds, Map<String, String> gold, Map<String, LabelOutcome> labels) {
            long correct = 0;
            long byModel = 0;
            long answers = 0;
            for (String id : evalIds) {
                LabelOutcome outcome = labels.get(id);
                if (outcome == null) {
                    throw new IllegalArgumentException(name + ": no final label for evaluated item " + id);
                }
                correct += gold.get(id).equals(outcome.label()) ? 1 : 0;
                byModel += outcome.byModel() ? 1 : 0;
                answers += outcome.answersUsed();
            }
            return new Tally(name, correct, evalIds.size(), byModel, answers);
        }

        Row row(double costPerItem, double humanCost) {
            double[] interval = Wilson.interval(correct, total);
            double reduction = humanCost == 0 ? 0 : 1 - costPerItem / humanCost;
            return new Row(name, correct, total, interval[0], interval[1], (double) byModel / total, answers, costPerItem, reduction);
        }
    }

    /** The table in Markdown, as README shows it. */
    public String toMarkdown(String dataset) {
        StringBuilder text = new StringBuilder();
        text.append("| ").append(dataset).append(" | accuracy (95% CI) | labeled by model | crowd answers used | cost per item | cost vs Human |\n");
        text.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, "| %s | %.3f [%.3f, %.3f] | %.1f%% | %,d | %.4f | %s |%n",
                    row.name(), row.accuracy(), row.accuracyLow(), row.accuracyHigh(), 100 * row.modelShare(),
                    row.answersUsed(), row.costPerItem(),
                    row.name().equals("Human") ? "-" : String.format(Locale.ROOT, "%.1f%% lower", 100 * row.costReduction())));
        }
        return text.toString();
    }

}
