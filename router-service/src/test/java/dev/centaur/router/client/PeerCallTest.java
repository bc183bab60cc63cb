package dev.centaur.router.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeerCallTest {

    private static final Duration NO_DELAY = Duration.ZERO;

    @Test
    void anUnavailablePeerIsTriedAgainUntilItAnswers() {
        AtomicInteger attempts = new AtomicInteger();

        String answer = PeerCall.idempotent("peer Call", 3, NO_DELAY, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw Status.UNAVAILABLE.asRuntimeException();
            }
            return "ok";
        });

        assertEquals("ok", answer);
        assertEquals(3, attempts.get());
    }

    @Test
    void attemptsStopAtTheMaximumAndTheFailureSaysUnavailable() {
        AtomicInteger attempts = new AtomicInteger();

        PeerCallException failure = assertThrows(PeerCallException.class,
                () -> PeerCall.idempotent("peer Call", 2, NO_DELAY, () -> {
                    attempts.incrementAndGet();
                    throw Status.UNAVAILABLE.withDescription("down").asRuntimeException();
                }));

        assertEquals(2, attempts.get());
        assertEquals(PeerCallException.Kind.UNAVAILABLE, failure.kind());
        assertTrue(failure.getMessage().contains("peer Call failed: UNAVAILABLE down"), failure.getMessage());
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        PeerCallException failure = assertThrows(PeerCallException.class,
                () -> PeerCall.idempotent("peer Call", 5, NO_DELAY, () -> {
                    attempts.incrementAndGet();
                    throw Status.NOT_FOUND.asRuntimeException();
                }));

        assertEquals(1, attempts.get());
        assertEquals(PeerCallException.Kind.NOT_FOUND, failure.kind());
    }

    @Test
    void statusesMapToWhatTheCallerCanDo() {
        assertEquals(PeerCallException.Kind.UNAVAILABLE, PeerCallException.kindOf(Status.Code.DEADLINE_EXCEEDED));
        assertEquals(PeerCallException.Kind.UNAVAILABLE, PeerCallException.kindOf(Status.Code.RESOURCE_EXHAUSTED));
        assertEquals(PeerCallException.Kind.NOT_FOUND, PeerCallException.kindOf(Status.Code.NOT_FOUND));
        assertEquals(PeerCallException.Kind.REJECTED, PeerCallException.kindOf(Status.Code.INVALID_ARGUMENT));
        assertEquals(PeerCallException.Kind.REJECTED, PeerCallException.kindOf(Status.Code.INTERNAL));
    }

    @Test
    void aDeadlineExceededCallIsNotRepeated() {
        AtomicInteger attempts = new AtomicInteger();

        assertThrows(PeerCallException.class, () -> PeerCall.idempotent("peer Call", 3, NO_DELAY, () -> {
            attempts.incrementAndGet();
            throw new StatusRuntimeException(Status.DEADLINE_EXCEEDED);
        }));

        assertEquals(1, attempts.get());
    }
}
