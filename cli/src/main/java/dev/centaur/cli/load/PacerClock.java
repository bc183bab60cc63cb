package dev.centaur.cli.load;

import java.util.concurrent.locks.LockSupport;

/** The time the pacer reads and waits on: the system's monotonic clock, or a fake one in tests. */
public interface PacerClock {

    /** A monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Returns at {@code deadlineNanos} or later; at once when it has passed. */
    void sleepUntil(long deadlineNanos) throws InterruptedException;

    /** System.nanoTime and parking: wakes within about a millisecond of the deadline. */
    PacerClock SYSTEM = new PacerClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadlineNanos) throws InterruptedException {
            // Checked before the loop too: a pacer that is behind never parks.
            if (Thread.interrupted()) {
                throw new InterruptedException("pacer stopped");
            }
            for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    throw new InterruptedException("pacer stopped");
                }
            }
        }
    };
}
