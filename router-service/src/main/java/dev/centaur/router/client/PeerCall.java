package dev.centaur.router.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One call to a peer: each attempt has its own deadline (set by the caller's supplier); an
 * idempotent call is tried again while the peer is UNAVAILABLE, up to maxAttempts; the final
 * failure becomes a {@link PeerCallException}.
 */
final class PeerCall {

    private static final Logger LOG = Logger.getLogger(PeerCall.class);

    private PeerCall() {
    }

    static <T> T idempotent(String call, int maxAttempts, Duration retryDelay, Supplier<T> attempt) {
        for (int attemptNumber = 1; ; attemptNumber++) {
            try {
                return attempt.get();
            } catch (StatusRuntimeException e) {
                boolean retry = e.getStatus().getCode() == Status.Code.UNAVAILABLE && attemptNumber < maxAttempts;
                if (!retry) {
                    throw new PeerCallException(call, e);
                }
                LOG.debugf("%s: attempt %d of %d unavailable, retrying", call, attemptNumber, maxAttempts);
                pause(retryDelay);
            }
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatusRuntimeException(Status.CANCELLED.withDescription("interrupted while retrying"));
        }
    }
}
