package dev.centaur.systemtests;

import dev.centaur.cli.client.RpcFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/** Calls that ride out a restarting service: retried while the failure says "try again". */
final class Rpc {

    /** Longer than any restart in these tests, so only a real refusal or a hang fails a call. */
    static final Duration RETRY_WINDOW = Duration.ofSeconds(120);
    private static final Duration PAUSE = Duration.ofMillis(500);
    private static final Set<Status.Code> TRANSIENT = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED);

    private Rpc() {
    }

    static <T> T retrying(String rpc, Supplier<T> call) {
        long deadline = System.nanoTime() + RETRY_WINDOW.toNanos();
        while (true) {
            try {
                return call.get();
            } catch (StatusRuntimeException e) {
                if (!TRANSIENT.contains(e.getStatus().getCode()) || System.nanoTime() > deadline) {
                    throw new AssertionError(RpcFailure.describe(rpc, e), e);
                }
                sleep(PAUSE);
            }
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
