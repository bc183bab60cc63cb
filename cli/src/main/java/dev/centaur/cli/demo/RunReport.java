package dev.centaur.cli.demo;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one demo run: how much the model labeled, how accurate each source was against
 * gold, what QC measured, and what the run cost compared with labeling everything by the crowd.
 */
public record RunReport(
        String title,
        int items,
        long labeledByModel,
        Accuracy modelAccuracy,
        Accuracy crowdAccuracy,
        Accuracy overallAccuracy,
        long crowdAnswersUsed,
        long crowdAnswersPaid,
        List<QcAccuracy> qcBySource,
        QcAccuracy qcOverall,
        long expertReviews,
        long modelPredictions,
        int overlap,
        Costs costs) {

    /** Correct labels out of those with a gold label. */
    public record Accuracy(long correct, long total) {

        public double value() {
            return total == 0 ? Double.NaN : (double) correct / total;
        }

        String format() {
            return total == 0 ? "n/a (no gold)" : String.format(Locale.ROOT, "%.3f  (%d of %d)", value(), correct, total);
        }
    }

    /** The run's cost by part, and the crowd-only baseline: every item, {@code overlap} answers. */
    public record Costs(double model, double crowd, double expert, double crowdOnly) {

        public double total() {
            return model + crowd + expert;
        }

        /** Percent saved against crowd-only labeling; negative when the run cost more. */
        public double savingPercent() {
            return crowdOnly == 0 ? 0 : 100.0 * (crowdOnly - total()) / crowdOnly;
        }
    }

    /** Everything the report is computed from. */
    public record Input(
            String title,
            int submittedItems,
            Collection<LabeledItem> labels,
            Map<String, String> gold,
            long crowdAnswersPaid,
            long expertReviews,
            long modelPredictions,
            int overlap,
            Prices prices,
            List<QcAccuracy> qcBySource,
            QcAccuracy qcOverall) {
    }

    public static RunReport compute(Input in) {
        long modelLabeled = 0;
        long answersUsed = 0;
        long[] model = new long[2];
        long[] crowd = new long[2];
        long[] all = new long[2];
        for (LabeledItem label : in.labels()) {
            answersUsed += label.answersUsed();
            boolean byModel = "MODEL".equals(label.source());
            boolean byCrowd = "CROWD".equals(label.source()) || "HYBRID".equals(label.source());
            if (byModel) {
                modelLabeled++;
            }
            String truth = in.gold().get(label.itemId());
            if (truth == null) {
                continue;
            }
            int correct = truth.equals(label.label()) ? 1 : 0;
            count(all, correct);
            if (byModel) {
                count(model, correct);
            } else if (byCrowd) {
                count(crowd, correct);
            }
        }
        Prices prices = in.prices();
        Costs costs = new Costs(
                in.modelPredictions() * prices.per1kPredictions() / 1000.0,
                in.crowdAnswersPaid() * prices.perCrowdAnswer(),
                in.expertReviews() * prices.perExpertReview(),
                (double) in.submittedItems() * in.overlap() * prices.perCrowdAnswer());
        return new RunReport(in.title(), in.submittedItems(), modelLabeled,
                new Accuracy(model[0], model[1]), new Accuracy(crowd[0], crowd[1]), new Accuracy(all[0], all[1]),
                answersUsed, in.crowdAnswersPaid(), List.copyOf(in.qcBySource()), in.qcOverall(),
                in.expertReviews(), in.modelPredictions(), in.overlap(), costs);
    }

    private static void count(long[] tally, int correct) {
        tally[0] += correct;
        tally[1]++;
    }

    public double modelShare() {
        return items == 0 ? 0 : (double) labeledByModel / items;
    }

    /** The report as a two-column table for the terminal. */
    public String toTable() {
        ReportTable table = new ReportTable(title);
        table.row("items labeled", String.valueOf(items));
        table.row("labeled by the model", String.format(Locale.ROOT, "%d  (%.1f%%)", labeledByModel, 100 * modelShare()));
        table.row("accuracy of model labels", modelAccuracy.format());
        table.row("accuracy of crowd labels", crowdAccuracy.format());
        table.row("accuracy of all labels", overallAccuracy.format());
        table.row("crowd answers used / paid", crowdAnswersUsed + " / " + crowdAnswersPaid);
        table.separator();
        for (QcAccuracy qc : qcBySource) {
            table.row("QC accuracy " + qc.source(), formatQc(qc));
        }
        if (qcOverall != null) {
            table.row("QC accuracy overall", formatQc(qcOverall));
        }
        if (qcBySource.isEmpty() && qcOverall == null) {
            table.row("QC accuracy", "no reviews");
        }
        table.separator();
        table.row("cost: model", money(costs.model()) + String.format(Locale.ROOT, "  (%d predictions)", modelPredictions));
        table.row("cost: crowd", money(costs.crowd()) + String.format(Locale.ROOT, "  (%d answers)", crowdAnswersPaid));
        table.row("cost: expert reviews", money(costs.expert()) + String.format(Locale.ROOT, "  (%d reviews)", expertReviews));
        table.row("cost of this run", money(costs.total()));
        table.row("crowd-only, overlap " + overlap, money(costs.crowdOnly())
                + String.format(Locale.ROOT, "  (%d items x %d answers)", items, overlap));
        table.row("saving", String.format(Locale.ROOT, "%.1f%%", costs.savingPercent()));
        return table.render();
    }

    private static String formatQc(QcAccuracy qc) {
        return String.format(Locale.ROOT, "%.3f  [%.3f, %.3f]  %d of %d reviews", qc.accuracy(), qc.lower(), qc.upper(),
                qc.correct(), qc.reviews());
    }

    private static String money(double amount) {
        return String.format(Locale.ROOT, "%.2f", amount);
    }
}
