package dev.centaur.cli.load;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenLoopPacerTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    /** A clock that only moves when the pacer sleeps or a test moves it. */
    private static final class FakeClock implements PacerClock {
        long now;
        final List<Long> wokeAt = new ArrayList<>();
        int interruptAfterSleeps = Integer.MAX_VALUE;

        FakeClock(long start) {
            this.now = start;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long deadlineNanos) throws InterruptedException {
            if (wokeAt.size() >= interruptAfterSleeps) {
                throw new InterruptedException("stopped by the test");
            }
            now = Math.max(now, deadlineNanos);
            wokeAt.add(now);
        }
    }

    @Test
    void firesAtTheStatedRateWithEachEventsIntendedTime() {
        FakeClock clock = new FakeClock(5 * SECOND);
        List<Long> intended = new ArrayList<>();
        long fired = new OpenLoopPacer(clock, 10).run(5 * SECOND, 6 * SECOND, intended::add);
        assertEquals(10, fired);
        for (int i = 0; i < 10; i++) {
            assertEquals(5 * SECOND + i * 100 * MS, intended.get(i));
        }
        assertEquals(intended, clock.wokeAt, "each event fires at its intended time when nothing is late");
    }

    @Test
    void aSlowCallDoesNotLowerTheRateOrShiftTheIntendedTimes() {
        FakeClock clock = new FakeClock(0);
        List<Long> intended = new ArrayList<>();
        List<Long> firedAt = new ArrayList<>();
        // Each event costs the pacer 250 ms (as if handing it off blocked): it falls behind a 100 ms schedule.
        long fired = new OpenLoopPacer(clock, 10).run(0, SECOND, time -> {
            intended.add(time);
            firedAt.add(clock.now);
            clock.now += 250 * MS;
        });
        assertEquals(10, fired, "every event of the second is still fired");
        for (int i = 0; i < 10; i++) {
            assertEquals(i * 100 * MS, intended.get(i), "event " + i + " keeps its intended time");
        }
        assertEquals(9 * 250 * MS, firedAt.get(9), "the last event went out late ...");
        assertEquals(900 * MS, intended.get(9), "... and its latency is measured from 900 ms");
    }

    @Test
    void aStallOfTheClockIsCaughtUpAtOnce() {
        FakeClock clock = new FakeClock(0);
        List<Long> intended = new ArrayList<>();
        new OpenLoopPacer(clock, 4).run(0, 2 * SECOND, time -> {
            intended.add(time);
            if (time == 250 * MS) {
                clock.now = 1_300 * MS; // the pacer thread was descheduled for a second
            }
        });
        assertEquals(List.of(0L, 250 * MS, 500 * MS, 750 * MS, 1_000 * MS, 1_250 * MS, 1_500 * MS, 1_750 * MS), intended);
        assertEquals(List.of(0L, 250 * MS, 1_300 * MS, 1_300 * MS, 1_300 * MS, 1_300 * MS, 1_500 * MS, 1_750 * MS), clock.wokeAt);
    }

    @Test
    void aRateBelowOnePerSecondSpacesEventsSecondsApart() {
        FakeClock clock = new FakeClock(0);
        List<Long> intended = new ArrayList<>();
        new OpenLoopPacer(clock, 0.5).run(0, 5 * SECOND, intended::add);
        assertEquals(List.of(0L, 2 * SECOND, 4 * SECOND), intended);
    }

    @Test
    void theEndIsExclusive() {
        FakeClock clock = new FakeClock(0);
        assertEquals(2, new OpenLoopPacer(clock, 2).run(0, SECOND, time -> { }));
    }

    @Test
    void intendedTimesDoNotDriftOverALongRun() {
        FakeClock clock = new FakeClock(0);
        long[] last = new long[1];
        long fired = new OpenLoopPacer(clock, 3).run(0, 1_000 * SECOND, time -> last[0] = time);
        assertEquals(3_000, fired);
        assertEquals(Math.round(2_999 * 1e9 / 3), last[0]);
    }

    @Test
    void intendedTimesWorkAcrossANegativeNanoTime() {
        FakeClock clock = new FakeClock(-SECOND / 2);
        List<Long> intended = new ArrayList<>();
        new OpenLoopPacer(clock, 2).run(-SECOND / 2, SECOND / 2, intended::add);
        assertEquals(List.of(-SECOND / 2, 0L), intended);
    }

    @Test
    void anInterruptStopsThePacerAndReportsWhatItFired() {
        FakeClock clock = new FakeClock(0);
        clock.interruptAfterSleeps = 3;
        long fired = new OpenLoopPacer(clock, 100).run(0, 10 * SECOND, time -> { });
        assertEquals(3, fired);
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    }

    @Test
    void aRateThatIsNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopPacer(new FakeClock(0), 0));
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopPacer(new FakeClock(0), -1));
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopPacer(new FakeClock(0), Double.NaN));
    }
}
