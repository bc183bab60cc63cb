package dev.centaur.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void allowsTheBurstThenTheRateAndSaysWhenToRetry() {
        RateLimiter limiter = new RateLimiter(10, 3, 100, now::get);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("a").allowed(), "call " + i + " of the burst");
        }
        RateLimiter.Decision refused = limiter.tryAcquire("a");
        assertFalse(refused.allowed());
        assertEquals(100, refused.retryAfterMillis()); // one token every 100 ms at 10/s
        now.addAndGet(40_000_000L);
        assertEquals(60, limiter.tryAcquire("a").retryAfterMillis());
        now.addAndGet(60_000_000L);
        assertTrue(limiter.tryAcquire("a").allowed());
        assertFalse(limiter.tryAcquire("a").allowed());
    }

    @Test
    void eachCallerHasABucketOfItsOwn() {
        RateLimiter limiter = new RateLimiter(1, 1, 100, now::get);
        assertTrue(limiter.tryAcquire("a").allowed());
        assertFalse(limiter.tryAcquire("a").allowed());
        assertTrue(limiter.tryAcquire("b").allowed());
    }

    @Test
    void dropsOnlyIdleCallersWhenFull() {
        RateLimiter limiter = new RateLimiter(1, 1, 2, now::get);
        limiter.tryAcquire("a");
        now.addAndGet(2_000_000_000L); // a's bucket is full again
        limiter.tryAcquire("b");
        limiter.tryAcquire("c");
        assertEquals(2, limiter.trackedCallers()); // a dropped, b (empty) kept
        assertFalse(limiter.tryAcquire("b").allowed());
    }

    @Test
    void refusesNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(Double.NaN, 1, 1));
    }
}
