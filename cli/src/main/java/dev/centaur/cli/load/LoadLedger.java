package dev.centaur.cli.load;

import io.grpc.Status;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the services acknowledged during a run, for the lost-work check: item ids per outcome of
 * their SubmitItems, and answers per annotator. A failure whose status says the request was
 * refused before anything was written (bad input, limits, auth) is a refusal; any other (a
 * deadline, a dropped connection) leaves the outcome in doubt: the call may have been applied.
 */
public final class LoadLedger {

    private final Set<String> acknowledgedItems = ConcurrentHashMap.newKeySet();
    private final Set<String> refusedItems = ConcurrentHashMap.newKeySet();
    private final Set<String> inDoubtItems = ConcurrentHashMap.newKeySet();
    private final Map<String, LongAdder> acknowledgedAnswers = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> inDoubtAnswers = new ConcurrentHashMap<>();

    /** Statuses a service answers before it writes anything (per DESIGN "Errors" and the limits). */
    public static boolean refusedBeforeWriting(Status.Code code) {
        return switch (code) {
            case INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED, UNAUTHENTICATED, RESOURCE_EXHAUSTED,
                    FAILED_PRECONDITION, OUT_OF_RANGE, UNIMPLEMENTED -> true;
            default -> false;
        };
    }

    public void itemsAcknowledged(Collection<String> itemIds) {
        acknowledgedItems.addAll(itemIds);
    }

    public void itemsFailed(Collection<String> itemIds, Status.Code code) {
        (refusedBeforeWriting(code) ? refusedItems : inDoubtItems).addAll(itemIds);
    }

    public void answerAcknowledged(String annotatorId) {
        acknowledgedAnswers.computeIfAbsent(annotatorId, id -> new LongAdder()).increment();
    }

    public void answerFailed(String annotatorId, Status.Code code) {
        if (!refusedBeforeWriting(code)) {
            inDoubtAnswers.computeIfAbsent(annotatorId, id -> new LongAdder()).increment();
        }
    }

    public Set<String> acknowledgedItems() {
        return Set.copyOf(acknowledgedItems);
    }

    public Set<String> refusedItems() {
        return Set.copyOf(refusedItems);
    }

    public Set<String> inDoubtItems() {
        return Set.copyOf(inDoubtItems);
    }

    public Map<String, Long> acknowledgedAnswers() {
        return snapshot(acknowledgedAnswers);
    }

    public Map<String, Long> inDoubtAnswers() {
        return snapshot(inDoubtAnswers);
    }

    public long acknowledgedAnswerCount() {
        return acknowledgedAnswers.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new HashMap<>();
        counts.forEach((id, count) -> copy.put(id, count.sum()));
        return copy;
    }
}
