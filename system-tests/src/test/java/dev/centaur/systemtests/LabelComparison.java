package dev.centaur.systemtests;

import dev.centaur.router.v1.FinalLabel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two runs' final labels side by side. An expert correction is QC at work, not a fault: it
 * depends on which items QC sampled, which differs per project. So each item is compared by its
 * label before QC (the replaced label for a corrected item), and corrected labels are checked
 * against gold.
 */
final class LabelComparison {

    /** An item's label before QC and its source (MODEL or CROWD), and its final label. */
    record ItemLabel(String beforeQc, String sourceBeforeQc, String finalLabel, boolean corrected, int answersUsed) {
    }

    private final Workload workload;

    LabelComparison(Workload workload) {
        this.workload = workload;
    }

    static Map<String, ItemLabel> labelsOf(ProjectRun.Outcome outcome, Map<String, Pipeline.Replaced> replaced) {
        Map<String, ItemLabel> labels = new TreeMap<>();
        outcome.labels().forEach((itemId, label) -> {
            Pipeline.Replaced before = replaced.get(itemId);
            String source = label.getSource().name().replaceFirst("^LABEL_SOURCE_", "");
            labels.put(itemId, before == null
                    ? new ItemLabel(label.getLabel(), source, label.getLabel(), false, label.getAnswersUsed())
                    : new ItemLabel(before.label(), before.source(), label.getLabel(), true, label.getAnswersUsed()));
        });
        return labels;
    }

    /** Items whose label or source before QC differ between the runs, described. */
    static List<String> differences(Map<String, ItemLabel> baseline, Map<String, ItemLabel> chaos) {
        List<String> differences = new ArrayList<>();
        baseline.forEach((itemId, base) -> {
            ItemLabel other = chaos.get(itemId);
            if (other == null) {
                differences.add(itemId + ": no label in the chaos run");
            } else if (!base.beforeQc().equals(other.beforeQc()) || !base.sourceBeforeQc().equals(other.sourceBeforeQc())) {
                differences.add(itemId + ": baseline " + base.sourceBeforeQc() + " '" + base.beforeQc() + "', chaos "
                        + other.sourceBeforeQc() + " '" + other.beforeQc() + "'");
            }
        });
        return differences;
    }

    /** Corrected items whose expert label is not the gold label. */
    List<String> correctionsOffGold(Map<String, ItemLabel> labels) {
        List<String> wrong = new ArrayList<>();
        labels.forEach((itemId, label) -> {
            if (label.corrected() && !label.finalLabel().equals(workload.gold(itemId))) {
                wrong.add(itemId + ": corrected to '" + label.finalLabel() + "', gold '" + workload.gold(itemId) + "'");
            }
        });
        return wrong;
    }

    long crowdItems(Map<String, ItemLabel> labels) {
        return labels.values().stream().filter(label -> !label.sourceBeforeQc().equals("MODEL")).count();
    }

    /** Accuracy against gold of the labels before QC, by source, and of the final labels. */
    String accuracyTable(String title, Map<String, ItemLabel> labels) {
        StringBuilder table = new StringBuilder(title).append('\n');
        for (String source : List.of("MODEL", "CROWD")) {
            List<String> ids = labels.entrySet().stream().filter(e -> e.getValue().sourceBeforeQc().equals(source))
                    .map(Map.Entry::getKey).toList();
            table.append(row(source + " labels", ids.size(),
                    ids.stream().filter(id -> labels.get(id).beforeQc().equals(workload.gold(id))).count()));
        }
        table.append(row("all, before QC", labels.size(),
                labels.entrySet().stream().filter(e -> e.getValue().beforeQc().equals(workload.gold(e.getKey()))).count()));
        table.append(row("all, final (after corrections)", labels.size(),
                labels.entrySet().stream().filter(e -> e.getValue().finalLabel().equals(workload.gold(e.getKey()))).count()));
        long corrected = labels.values().stream().filter(ItemLabel::corrected).count();
        return table.append(String.format(Locale.ROOT, "  %-32s %d%n", "expert corrections", corrected)).toString();
    }

    private static String row(String name, long total, long correct) {
        return String.format(Locale.ROOT, "  %-32s %4d items, accuracy %s%n", name, total,
                total == 0 ? "-" : String.format(Locale.ROOT, "%.3f (%d)", (double) correct / total, correct));
    }
}
