package dev.centaur.cli.load;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadReportTest {

    private static final LostWork NOTHING_LOST = LostWork.check(Set.of("a"), Set.of(), Map.of("a", 1), Map.of(), Map.of(), Map.of(), 0);
    private static final LostWork ONE_LOST = LostWork.check(Set.of("a"), Set.of(), Map.of(), Map.of(), Map.of(), Map.of(), 0);
    private static final LoadReport.Row ROW = new LoadReport.Row("SubmitItems", "20.0 items (2.00 calls)", "19.9 items (1.99 calls)",
            600, 12_345, 45_000, 80_012, 11_000, 30_000, Map.of());

    @Test
    void theTableHasOneRowPerOperationWithMillisecondsAndTheVerdict() {
        LoadReport report = new LoadReport("Centaur load: p", List.of("Offered: 20 items/s."), List.of(ROW),
                List.of("Drain: done."), NOTHING_LOST, 0, true);
        String md = report.toMarkdown();
        assertTrue(md.startsWith("# Centaur load: p\n\nOffered: 20 items/s.\n\n| operation |"), md);
        assertTrue(md.contains("| SubmitItems | 20.0 items (2.00 calls) | 19.9 items (1.99 calls) | 600 | 12.3 | 45.0 | 80.0 | 11.0 / 30.0 | 0 |"), md);
        assertTrue(md.contains("- Drain: done.\n- Lost work: 0 of 1"), md);
        assertTrue(report.passed());
        assertTrue(md.endsWith("Result: PASS: zero lost, zero errors (goal: zero lost, zero errors at the stated rates).\n"), md);
    }

    @Test
    void errorsAreListedByStatusMostFrequentFirst() {
        assertEquals("0", LoadReport.errorText(Map.of()));
        assertEquals("UNAVAILABLE 3, DEADLINE_EXCEEDED 1, RESOURCE_EXHAUSTED 1", LoadReport.errorText(Map.of(
                Status.Code.RESOURCE_EXHAUSTED, 1L, Status.Code.UNAVAILABLE, 3L, Status.Code.DEADLINE_EXCEEDED, 1L)));
    }

    @Test
    void anyErrorLostItemOrUnfinishedDrainFailsTheRun() {
        LoadReport errors = new LoadReport("t", List.of(), List.of(ROW), List.of(), NOTHING_LOST, 2, true);
        assertFalse(errors.passed());
        assertEquals("Result: FAIL: 2 failed calls (goal: zero lost, zero errors at the stated rates).", errors.verdict());
        LoadReport late = new LoadReport("t", List.of(), List.of(ROW), List.of(), ONE_LOST, 0, false);
        assertFalse(late.passed());
        assertEquals("Result: FAIL: 1 acknowledged items still without a final label when the drain timed out (late or lost) "
                + "(goal: zero lost, zero errors at the stated rates).", late.verdict());
        LoadReport lost = new LoadReport("t", List.of(), List.of(ROW), List.of(), ONE_LOST, 0, true);
        assertFalse(lost.passed());
        assertEquals("Result: FAIL: work was lost or counted twice (goal: zero lost, zero errors at the stated rates).",
                lost.verdict());
        LostWork duplicate = LostWork.check(Set.of("a"), Set.of(), Map.of("a", 2), Map.of(), Map.of(), Map.of(), 0);
        assertEquals("Result: FAIL: 0 acknowledged items still without a final label when the drain timed out (late or lost); "
                + "work was lost or counted twice (goal: zero lost, zero errors at the stated rates).",
                new LoadReport("t", List.of(), List.of(ROW), List.of(), duplicate, 0, false).verdict());
    }
}
