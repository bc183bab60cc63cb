package dev.centaur.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InFlightLimiterTest {

    @Test
    void admitsUpToTheLimitAndAgainAfterAnExit() {
        InFlightLimiter limiter = new InFlightLimiter(2);
        assertTrue(limiter.tryEnter());
        assertTrue(limiter.tryEnter());
        assertFalse(limiter.tryEnter());
        limiter.exit();
        assertTrue(limiter.tryEnter());
        assertEquals(2, limiter.inFlight());
    }

    @Test
    void anUnmatchedExitIsABug() {
        InFlightLimiter limiter = new InFlightLimiter(1);
        assertThrows(IllegalStateException.class, limiter::exit);
        assertEquals(0, limiter.inFlight());
    }
}
