package dev.centaur.cli.load;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OperationStatsTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    /** Warm-up [0, 10 s), measured [10 s, 20 s), drain from 20 s. */
    private static final RunWindow WINDOW = new RunWindow(0, 10 * SECOND, 20 * SECOND);

    @Test
    void callsBelongToThePhaseOfTheirIntendedTime() {
        assertEquals(RunWindow.Phase.WARMUP, WINDOW.phaseOf(10 * SECOND - 1));
        assertEquals(RunWindow.Phase.MEASURE, WINDOW.phaseOf(10 * SECOND));
        assertEquals(RunWindow.Phase.MEASURE, WINDOW.phaseOf(20 * SECOND - 1));
        assertEquals(RunWindow.Phase.DRAIN, WINDOW.phaseOf(20 * SECOND));
        assertThrows(IllegalArgumentException.class, () -> new RunWindow(0, 5, 5));
    }

    @Test
    void onlyTheMeasuredWindowIsTimedButEveryPhaseCountsErrors() {
        OperationStats stats = new OperationStats("SubmitItems", WINDOW);
        stats.success(1 * SECOND, 1 * SECOND, 1 * SECOND, 1 * SECOND + 900 * MS, 10);
        stats.failure(2 * SECOND, 2 * SECOND, 2 * SECOND, 2 * SECOND + 5 * MS, Status.Code.UNAVAILABLE);
        stats.success(11 * SECOND, 11 * SECOND, 11 * SECOND, 11 * SECOND + 20 * MS, 10);
        stats.success(12 * SECOND, 12 * SECOND, 12 * SECOND, 12 * SECOND + 40 * MS, 10);
        stats.failure(13 * SECOND, 13 * SECOND, 13 * SECOND, 13 * SECOND + 30 * SECOND, Status.Code.DEADLINE_EXCEEDED);
        stats.failure(21 * SECOND, 21 * SECOND, 21 * SECOND, 21 * SECOND + 1 * MS, Status.Code.RESOURCE_EXHAUSTED);

        assertEquals(3, stats.latency().count(), "two successes and one failure in the window");
        assertEquals(30_000_000, stats.latency().maxMicros(), "a failure's time counts too");
        assertEquals(20, stats.units(RunWindow.Phase.MEASURE));
        assertEquals(10, stats.units(RunWindow.Phase.WARMUP));
        assertEquals(Map.of(Status.Code.DEADLINE_EXCEEDED, 1L), stats.errors(RunWindow.Phase.MEASURE));
        assertEquals(Map.of(Status.Code.UNAVAILABLE, 1L), stats.errors(RunWindow.Phase.WARMUP));
        assertEquals(3, stats.errorCount());
    }

    @Test
    void aFollowUpCallIsTimedFromItsOwnStartButCountedInTheOperationsPhase() {
        OperationStats stats = new OperationStats("SubmitAnswer", WINDOW);
        // NextTask intended at 19.9 s answered at 20.5 s; its SubmitAnswer took 10 ms: still the window's.
        stats.success(19_900 * MS, 20_500 * MS, 20_500 * MS, 20_510 * MS, 1);
        assertEquals(1, stats.units(RunWindow.Phase.MEASURE));
        assertEquals(10_000, stats.latency().maxMicros());
    }

    @Test
    void timeInAQueueCountsAsLatencyButNotAsServiceTime() {
        OperationStats stats = new OperationStats("NextTask", WINDOW);
        // Meant for 12 s, waited 3 s for a free annotator, then the call took 40 ms.
        stats.success(12 * SECOND, 12 * SECOND, 15 * SECOND, 15 * SECOND + 40 * MS, 1);
        assertEquals(3_040_000, stats.latency().maxMicros());
        assertEquals(40_000, stats.serviceTime().maxMicros());
    }

    @Test
    void achievedRateDividesByTheWindowOrByTheTimeTheLastMeasuredCallFinished() {
        OperationStats onTime = new OperationStats("SubmitItems", WINDOW);
        for (int i = 0; i < 100; i++) {
            long intended = 10 * SECOND + i * 100 * MS;
            onTime.success(intended, intended, intended, intended + 5 * MS, 10);
        }
        assertEquals(100.0, onTime.achievedUnitsPerSecond(), 1e-9);
        assertEquals(10.0, onTime.achievedCallsPerSecond(), 1e-9);

        OperationStats stalled = new OperationStats("SubmitItems", WINDOW);
        for (int i = 0; i < 100; i++) {
            long intended = 10 * SECOND + i * 100 * MS;
            // The service stalled: every call finished at 30 s, 10 s after the window.
            stalled.success(intended, intended, intended, 30 * SECOND, 10);
        }
        assertEquals(50.0, stalled.achievedUnitsPerSecond(), 1e-9);
    }

    @Test
    void emptyAnswersAreSuccessesWithoutUnits() {
        OperationStats stats = new OperationStats("NextTask", WINDOW);
        stats.empty(15 * SECOND, 15 * SECOND, 15 * SECOND, 15 * SECOND + MS);
        stats.success(15 * SECOND, 15 * SECOND, 15 * SECOND, 15 * SECOND + MS, 1);
        assertEquals(2, stats.successes(RunWindow.Phase.MEASURE));
        assertEquals(1, stats.empty(RunWindow.Phase.MEASURE));
        assertEquals(1, stats.units(RunWindow.Phase.MEASURE));
    }
}
