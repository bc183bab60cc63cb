package dev.centaur.cli.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The lost-work check after a run, from what the services acknowledged and what they hold:
 * <ul>
 * <li>every acknowledged item has exactly one final label (none lost, none twice);</li>
 * <li>no item has a label that was refused or never submitted (an item whose SubmitItems ended in
 * doubt may have one or not);</li>
 * <li>crowd counts each annotator's acknowledged answers once: its count lies between the answers
 * acknowledged and those plus the ones in doubt;</li>
 * <li>the final labels use the answers given: the answers behind them lie in the same range.</li>
 * </ul>
 *
 * @param lostItems acknowledged items without a final label
 * @param duplicateLabels items listed with more than one final label
 * @param unexpectedLabels labeled items that were refused or never submitted
 * @param inDoubtItems items whose SubmitItems ended in doubt
 * @param inDoubtLabeled of those, how many have a final label (either is right)
 * @param acknowledgedAnswers answers the load annotators were acknowledged
 * @param inDoubtAnswers answers whose SubmitAnswer ended in doubt
 * @param countedAnswers answers crowd counts for the load annotators
 * @param lostAnswers acknowledged answers crowd does not count
 * @param duplicatedAnswers answers crowd counts beyond the acknowledged and in-doubt ones
 * @param answersBehindLabels crowd answers the final labels say they used
 * @param examples a few of the ids and annotators behind non-zero counts, for the report
 */
public record LostWork(
        long acknowledgedItems,
        long lostItems,
        long duplicateLabels,
        long unexpectedLabels,
        long inDoubtItems,
        long inDoubtLabeled,
        long acknowledgedAnswers,
        long inDoubtAnswers,
        long countedAnswers,
        long lostAnswers,
        long duplicatedAnswers,
        long answersBehindLabels,
        List<String> examples) {

    private static final int MAX_EXAMPLES = 5;

    /**
     * @param acknowledgedItems ids SubmitItems acknowledged
     * @param inDoubtItems ids whose SubmitItems ended in doubt
     * @param labelCounts final labels per item id, as the services list them
     * @param acknowledgedAnswers answers acknowledged per annotator id
     * @param inDoubtAnswers answers in doubt per annotator id
     * @param countedAnswers crowd's answer count per annotator id (the load annotators; missing means 0)
     * @param answersBehindLabels the sum of the final labels' answers used
     */
    public static LostWork check(Set<String> acknowledgedItems, Set<String> inDoubtItems, Map<String, Integer> labelCounts,
            Map<String, Long> acknowledgedAnswers, Map<String, Long> inDoubtAnswers, Map<String, Long> countedAnswers,
            long answersBehindLabels) {
        List<String> examples = new ArrayList<>();
        long lost = 0;
        for (String id : new TreeSet<>(acknowledgedItems)) {
            if (!labelCounts.containsKey(id)) {
                lost++;
                example(examples, "no final label: " + id);
            }
        }
        long duplicates = 0;
        long unexpected = 0;
        long inDoubtLabeled = 0;
        for (Map.Entry<String, Integer> entry : new TreeMap<>(labelCounts).entrySet()) {
            String id = entry.getKey();
            if (entry.getValue() > 1) {
                duplicates++;
                example(examples, entry.getValue() + " final labels: " + id);
            }
            if (inDoubtItems.contains(id)) {
                inDoubtLabeled++;
            } else if (!acknowledgedItems.contains(id)) {
                unexpected++;
                example(examples, "label for an item not acknowledged: " + id);
            }
        }
        Set<String> annotators = new TreeSet<>(acknowledgedAnswers.keySet());
        annotators.addAll(inDoubtAnswers.keySet());
        annotators.addAll(countedAnswers.keySet());
        long acknowledged = 0;
        long doubt = 0;
        long counted = 0;
        long lostAnswers = 0;
        long duplicatedAnswers = 0;
        for (String annotator : annotators) {
            long a = acknowledgedAnswers.getOrDefault(annotator, 0L);
            long d = inDoubtAnswers.getOrDefault(annotator, 0L);
            long c = countedAnswers.getOrDefault(annotator, 0L);
            acknowledged += a;
            doubt += d;
            counted += c;
            if (c < a) {
                lostAnswers += a - c;
                example(examples, "annotator " + annotator + ": " + a + " answers acknowledged, crowd counts " + c);
            } else if (c > a + d) {
                duplicatedAnswers += c - a - d;
                example(examples, "annotator " + annotator + ": crowd counts " + c + " answers, " + a
                        + " acknowledged and " + d + " in doubt");
            }
        }
        if (answersBehindLabels < acknowledged || answersBehindLabels > acknowledged + doubt) {
            example(examples, "final labels use " + answersBehindLabels + " answers, " + acknowledged
                    + " acknowledged and " + doubt + " in doubt");
        }
        return new LostWork(acknowledgedItems.size(), lost, duplicates, unexpected, inDoubtItems.size(), inDoubtLabeled,
                acknowledged, doubt, counted, lostAnswers, duplicatedAnswers, answersBehindLabels, List.copyOf(examples));
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(text);
        }
    }

    /** Answers the final labels use that were never acknowledged (negative: answers no label uses). */
    public long answersBehindLabelsMismatch() {
        if (answersBehindLabels < acknowledgedAnswers) {
            return answersBehindLabels - acknowledgedAnswers;
        }
        return Math.max(0, answersBehindLabels - acknowledgedAnswers - inDoubtAnswers);
    }

    /**
     * Wrong whether or not the drain finished: a label twice or where none belongs, an answer crowd
     * lost or counted twice, or labels using answers never given.
     */
    public boolean misplacedOrCountedTwice() {
        return duplicateLabels > 0 || unexpectedLabels > 0 || lostAnswers > 0 || duplicatedAnswers > 0
                || answersBehindLabelsMismatch() > 0;
    }

    /** Nothing lost, nothing twice, nothing that should not be there. */
    public boolean nothingLost() {
        return lostItems == 0 && duplicateLabels == 0 && unexpectedLabels == 0 && lostAnswers == 0
                && duplicatedAnswers == 0 && answersBehindLabelsMismatch() == 0;
    }

    /** One line for the report. */
    public String summary() {
        return String.format(Locale.ROOT,
                "Lost work: %d of %d acknowledged items without a final label, %d items with more than one, %d labels "
                        + "for items not acknowledged; answers: %d acknowledged, crowd counts %d (%d lost, %d counted twice), "
                        + "final labels use %d%s%s",
                lostItems, acknowledgedItems, duplicateLabels, unexpectedLabels, acknowledgedAnswers, countedAnswers,
                lostAnswers, duplicatedAnswers, answersBehindLabels,
                inDoubtItems + inDoubtAnswers > 0 ? String.format(Locale.ROOT,
                        "; in doubt (call failed after sending): %d items (%d of them labeled), %d answers",
                        inDoubtItems, inDoubtLabeled, inDoubtAnswers) : "",
                nothingLost() ? "." : ". FAILED: " + String.join("; ", examples));
    }
}
