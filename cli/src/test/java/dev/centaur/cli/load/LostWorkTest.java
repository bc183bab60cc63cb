package dev.centaur.cli.load;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LostWorkTest {

    private static final Set<String> ACKED = Set.of("a", "b", "c");
    private static final Map<String, Integer> ONE_LABEL_EACH = Map.of("a", 1, "b", 1, "c", 1);

    @Test
    void everyItemLabeledOnceAndEveryAnswerCountedOnceIsNothingLost() {
        LostWork work = LostWork.check(ACKED, Set.of(), ONE_LABEL_EACH, Map.of("ann-1", 2L, "ann-2", 2L), Map.of(),
                Map.of("ann-1", 2L, "ann-2", 2L), 4);
        assertTrue(work.nothingLost(), work.summary());
        assertEquals(3, work.acknowledgedItems());
        assertEquals(4, work.acknowledgedAnswers());
        assertEquals(4, work.countedAnswers());
        assertTrue(work.summary().startsWith("Lost work: 0 of 3 acknowledged items without a final label"), work.summary());
    }

    @Test
    void anAcknowledgedItemWithoutALabelIsLost() {
        LostWork work = LostWork.check(ACKED, Set.of(), Map.of("a", 1, "b", 1), Map.of(), Map.of(), Map.of(), 0);
        assertEquals(1, work.lostItems());
        assertFalse(work.nothingLost());
        assertEquals(List.of("no final label: c"), work.examples());
        assertTrue(work.summary().contains("FAILED: no final label: c"), work.summary());
    }

    @Test
    void anItemListedWithTwoLabelsIsADuplicate() {
        LostWork work = LostWork.check(ACKED, Set.of(), Map.of("a", 1, "b", 2, "c", 1), Map.of(), Map.of(), Map.of(), 0);
        assertEquals(1, work.duplicateLabels());
        assertEquals(0, work.lostItems());
        assertFalse(work.nothingLost());
    }

    @Test
    void aLabelForAnItemNeverAcknowledgedIsUnexpectedButOneInDoubtMayBeThere() {
        LostWork work = LostWork.check(ACKED, Set.of("d", "e"), Map.of("a", 1, "b", 1, "c", 1, "d", 1, "x", 1),
                Map.of(), Map.of(), Map.of(), 0);
        assertEquals(1, work.unexpectedLabels(), "x was refused or never sent");
        assertEquals(2, work.inDoubtItems());
        assertEquals(1, work.inDoubtLabeled(), "d was stored although its call failed; e was not");
        assertFalse(work.nothingLost());

        LostWork withoutX = LostWork.check(ACKED, Set.of("d", "e"), Map.of("a", 1, "b", 1, "c", 1, "d", 1),
                Map.of(), Map.of(), Map.of(), 0);
        assertTrue(withoutX.nothingLost(), withoutX.summary());
        assertTrue(withoutX.summary().contains("in doubt (call failed after sending): 2 items (1 of them labeled)"), withoutX.summary());
    }

    @Test
    void anAcknowledgedAnswerCrowdDoesNotCountIsLost() {
        LostWork work = LostWork.check(ACKED, Set.of(), ONE_LABEL_EACH, Map.of("ann-1", 3L, "ann-2", 1L), Map.of(),
                Map.of("ann-1", 2L, "ann-2", 1L), 3);
        assertEquals(1, work.lostAnswers());
        assertEquals(0, work.duplicatedAnswers());
        assertFalse(work.nothingLost());
        assertTrue(work.examples().contains("annotator ann-1: 3 answers acknowledged, crowd counts 2"), work.examples().toString());
    }

    @Test
    void crowdCountingMoreThanAcknowledgedAndInDoubtIsADuplicate() {
        LostWork inDoubtExplainsIt = LostWork.check(ACKED, Set.of(), ONE_LABEL_EACH, Map.of("ann-1", 2L),
                Map.of("ann-1", 1L), Map.of("ann-1", 3L), 3);
        assertTrue(inDoubtExplainsIt.nothingLost(), inDoubtExplainsIt.summary());

        LostWork twice = LostWork.check(ACKED, Set.of(), ONE_LABEL_EACH, Map.of("ann-1", 2L), Map.of("ann-1", 1L),
                Map.of("ann-1", 4L), 3);
        assertEquals(1, twice.duplicatedAnswers());
        assertFalse(twice.nothingLost());
    }

    @Test
    void anAnnotatorCrowdDoesNotListCountsAsZeroAnswers() {
        LostWork work = LostWork.check(ACKED, Set.of(), ONE_LABEL_EACH, Map.of("ann-1", 2L), Map.of(), Map.of(), 2);
        assertEquals(2, work.lostAnswers());
    }

    @Test
    void finalLabelsMustUseTheAcknowledgedAnswers() {
        Map<String, Long> answers = Map.of("ann-1", 4L);
        LostWork fewer = LostWork.check(ACKED, Set.of(), ONE_LABEL_EACH, answers, Map.of(), answers, 3);
        assertEquals(-1, fewer.answersBehindLabelsMismatch());
        assertFalse(fewer.nothingLost());
        LostWork more = LostWork.check(ACKED, Set.of(), ONE_LABEL_EACH, answers, Map.of(), answers, 6);
        assertEquals(2, more.answersBehindLabelsMismatch());
        assertFalse(more.nothingLost());
        assertTrue(more.examples().contains("final labels use 6 answers, 4 acknowledged and 0 in doubt"), more.examples().toString());
    }

    @Test
    void theLedgerTellsRefusalsFromCallsInDoubt() {
        LoadLedger ledger = new LoadLedger();
        ledger.itemsAcknowledged(List.of("a", "b"));
        ledger.itemsFailed(List.of("c"), Status.Code.RESOURCE_EXHAUSTED);
        ledger.itemsFailed(List.of("d"), Status.Code.DEADLINE_EXCEEDED);
        ledger.itemsFailed(List.of("e"), Status.Code.UNAVAILABLE);
        ledger.answerAcknowledged("ann-1");
        ledger.answerAcknowledged("ann-1");
        ledger.answerFailed("ann-1", Status.Code.FAILED_PRECONDITION);
        ledger.answerFailed("ann-2", Status.Code.DEADLINE_EXCEEDED);
        assertEquals(Set.of("a", "b"), ledger.acknowledgedItems());
        assertEquals(Set.of("c"), ledger.refusedItems());
        assertEquals(Set.of("d", "e"), ledger.inDoubtItems());
        assertEquals(Map.of("ann-1", 2L), ledger.acknowledgedAnswers());
        assertEquals(Map.of("ann-2", 1L), ledger.inDoubtAnswers());
        assertEquals(2, ledger.acknowledgedAnswerCount());
    }
}
