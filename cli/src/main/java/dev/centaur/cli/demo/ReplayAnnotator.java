package dev.centaur.cli.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One real crowd worker of a recorded data set: offered only the items that worker answered, and
 * answering each with exactly the recorded label.
 */
public final class ReplayAnnotator implements SimulatedAnnotator {

    private final String workerId;
    private final Map<String, String> recordedAnswers;

    public ReplayAnnotator(String workerId, Map<String, String> recordedAnswers) {
        if (recordedAnswers.isEmpty()) {
            throw new IllegalArgumentException("worker " + workerId + " has no recorded answers to replay");
        }
        this.workerId = workerId;
        this.recordedAnswers = Map.copyOf(recordedAnswers);
    }

    /**
     * One annotator per worker who answered at least one of {@code submittedItemIds}, replaying
     * only the answers to those items, and to the golden items router may send as probes.
     */
    public static List<ReplayAnnotator> forWorkers(Map<String, Map<String, String>> answersByWorker,
            Collection<String> submittedItemIds, Collection<String> goldenItemIds) {
        Set<String> submitted = Set.copyOf(submittedItemIds);
        Set<String> golden = Set.copyOf(goldenItemIds);
        List<ReplayAnnotator> annotators = new ArrayList<>();
        answersByWorker.forEach((worker, answers) -> {
            Map<String, String> replayed = new LinkedHashMap<>();
            answers.forEach((itemId, label) -> {
                if (submitted.contains(itemId)) {
                    replayed.put(itemId, label);
                }
                if (golden.contains(itemId)) {
                    replayed.put(GoldenProbes.PREFIX + itemId, label);
                }
            });
            if (!replayed.isEmpty()) {
                annotators.add(new ReplayAnnotator(worker, replayed));
            }
        });
        return annotators;
    }

    public String workerId() {
        return workerId;
    }

    @Override
    public String name() {
        return "replay-" + workerId;
    }

    @Override
    public Set<String> answerableItemIds() {
        return recordedAnswers.keySet();
    }

    @Override
    public Optional<String> answer(String itemId) {
        return Optional.ofNullable(recordedAnswers.get(itemId));
    }
}
