package dev.centaur.router.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Streams rows ordered by item id, reading a page at a time, sending only while the client takes
 * them (flow control), and stopping when the client cancels or its deadline passes.
 */
final class PagedStreams {

    /** How often a stream blocked by flow control looks whether the client can take more. */
    private static final long READY_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private PagedStreams() {
    }

    /**
     * @param page the rows after an item id ("" for the first page), at most pageSize of them
     * @param start checks the request before anything is read; its failure ends the call with a status
     */
    static <E, R> void stream(StreamObserver<R> responseObserver, Runnable start,
            BiFunction<String, Integer, List<E>> page, int pageSize, Function<E, String> itemId,
            Function<E, R> response) {
        ServerCallStreamObserver<R> observer = (ServerCallStreamObserver<R>) responseObserver;
        try {
            start.run();
            String afterItemId = "";
            while (true) {
                List<E> rows = page.apply(afterItemId, pageSize);
                for (E row : rows) {
                    if (!awaitReady(observer)) {
                        return;
                    }
                    observer.onNext(response.apply(row));
                }
                if (rows.size() < pageSize) {
                    break;
                }
                afterItemId = itemId.apply(rows.get(rows.size() - 1));
            }
            observer.onCompleted();
        } catch (RuntimeException e) {
            if (!observer.isCancelled()) {
                observer.onError(StatusMapper.toStatusException(e));
            }
        }
    }

    /**
     * Waits until the transport can take another message. The ready events are queued behind this
     * blocking call, so the state is polled instead of awaited.
     *
     * @return false when the call was cancelled (by the client or its deadline)
     */
    private static boolean awaitReady(ServerCallStreamObserver<?> observer) {
        while (!observer.isReady()) {
            if (observer.isCancelled()) {
                return false;
            }
            LockSupport.parkNanos(READY_POLL_NANOS);
        }
        return !observer.isCancelled();
    }
}
