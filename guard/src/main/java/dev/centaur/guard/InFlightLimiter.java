package dev.centaur.guard;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code maxInFlight} calls at once in a service. A call over the limit is refused at once
 * (RESOURCE_EXHAUSTED) rather than queued behind the others until its deadline passes: under
 * overload a quick refusal lets the client back off or go to another replica.
 */
public final class InFlightLimiter {

    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    public InFlightLimiter(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("max in flight " + maxInFlight + " must be positive");
        }
        this.maxInFlight = maxInFlight;
    }

    /** Admits one call, or refuses it; every admitted call must be {@link #exit}ed once. */
    public boolean tryEnter() {
        while (true) {
            int now = inFlight.get();
            if (now >= maxInFlight) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Ends an admitted call. */
    public void exit() {
        int after = inFlight.decrementAndGet();
        if (after < 0) {
            inFlight.incrementAndGet();
            throw new IllegalStateException("exit() without a matching tryEnter()");
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int maxInFlight() {
        return maxInFlight;
    }
}
