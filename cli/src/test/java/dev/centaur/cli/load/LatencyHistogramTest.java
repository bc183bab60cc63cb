package dev.centaur.cli.load;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyHistogramTest {

    @Test
    void anEmptyHistogramReportsZeros() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertEquals(0, histogram.count());
        assertEquals(0, histogram.percentileMicros(50));
        assertEquals(0, histogram.maxMicros());
        assertEquals(0, histogram.minMicros());
    }

    @Test
    void smallValuesGiveNearestRankPercentilesExactly() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int micros = 100; micros >= 1; micros--) {
            histogram.recordMicros(micros);
        }
        assertEquals(100, histogram.count());
        assertEquals(50, histogram.percentileMicros(50));
        assertEquals(99, histogram.percentileMicros(99));
        assertEquals(100, histogram.percentileMicros(99.5));
        assertEquals(100, histogram.percentileMicros(100));
        assertEquals(1, histogram.percentileMicros(0));
        assertEquals(1, histogram.minMicros());
        assertEquals(100, histogram.maxMicros());
    }

    @Test
    void fourValuesHaveTheSecondAsMedian() {
        LatencyHistogram histogram = new LatencyHistogram();
        List.of(4L, 1L, 3L, 2L).forEach(histogram::recordMicros);
        assertEquals(2, histogram.percentileMicros(50));
        assertEquals(3, histogram.percentileMicros(75));
        assertEquals(4, histogram.percentileMicros(76));
    }

    @Test
    void theNinetyNinthPercentileLeavesOutTheSlowestPercent() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 990; i++) {
            histogram.recordMicros(2_000);
        }
        for (int i = 0; i < 10; i++) {
            histogram.recordMicros(5_000_000);
        }
        // 990 of 1000 at 2 ms: the 990th value is 2 ms (within a bucket), the 991st is 5 s.
        assertWithinBucket(2_000, histogram.percentileMicros(99));
        assertWithinBucket(5_000_000, histogram.percentileMicros(99.1));
        assertEquals(5_000_000, histogram.maxMicros());
    }

    @Test
    void largeValuesAreReportedAtMostOneHundredTwentyEighthAboveAndNeverBelow() {
        for (long micros = 200; micros < 4_000_000_000L; micros = micros * 3 / 2 + 7) {
            long value = Math.min(micros, LatencyHistogram.HIGHEST_MICROS);
            int index = LatencyHistogram.indexOf(value);
            long reported = LatencyHistogram.highestInBucket(index);
            assertTrue(reported >= value, value + " reported as " + reported);
            assertTrue(reported - value <= value / 128, value + " reported as " + reported);
        }
    }

    @Test
    void bucketsFollowEachOtherWithoutGapsOrOverlaps() {
        int last = LatencyHistogram.indexOf(LatencyHistogram.HIGHEST_MICROS);
        for (int index = 1; index <= last; index++) {
            long first = LatencyHistogram.highestInBucket(index - 1) + 1;
            assertEquals(index, LatencyHistogram.indexOf(first), "first value of bucket " + index);
            assertEquals(index, LatencyHistogram.indexOf(LatencyHistogram.highestInBucket(index)), "last value of bucket " + index);
        }
    }

    @Test
    void nanosecondsAreCountedAsMicrosecondsAndNegativeAsZero() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.recordNanos(1_999);
        histogram.recordNanos(-5);
        assertEquals(0, histogram.minMicros());
        assertEquals(1, histogram.maxMicros());
    }

    @Test
    void valuesOverAnHourCountAsAnHour() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.recordMicros(Long.MAX_VALUE);
        assertEquals(LatencyHistogram.HIGHEST_MICROS, histogram.maxMicros());
        assertEquals(LatencyHistogram.HIGHEST_MICROS, histogram.percentileMicros(50));
    }

    @Test
    void recordingFromManyThreadsLosesNoValue() throws InterruptedException {
        LatencyHistogram histogram = new LatencyHistogram();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 1; i <= 10_000; i++) {
                    histogram.recordMicros(i);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(80_000, histogram.count());
        assertEquals(10_000, histogram.maxMicros());
        assertWithinBucket(5_000, histogram.percentileMicros(50));
    }

    @Test
    void aPercentileOutsideZeroToHundredIsRefused() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertThrows(IllegalArgumentException.class, () -> histogram.percentileMicros(101));
        assertThrows(IllegalArgumentException.class, () -> histogram.percentileMicros(-1));
        assertThrows(IllegalArgumentException.class, () -> histogram.percentileMicros(Double.NaN));
    }

    private static void assertWithinBucket(long expected, long reported) {
        assertTrue(reported >= expected && reported - expected <= expected / 128,
                "expected about " + expected + ", reported " + reported);
    }
}
