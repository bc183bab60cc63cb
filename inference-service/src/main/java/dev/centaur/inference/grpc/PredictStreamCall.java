package dev.centaur.inference.grpc;

import dev.centaur.inference.v1.PredictStreamRequest;
import dev.centaur.inference.v1.PredictStreamResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One PredictStream call, with manual flow control: the server asks the client for {@code window}
 * messages at first and for one more only after it has sent an answer, and sends answers only
 * while the transport is ready (the rest wait for the on-ready signal). So a client streaming a
 * million items never has more than {@code window} messages unanswered inside the server.
 *
 * <p>Messages are predicted one after another, in order, on the executor (never on the event
 * loop). The first failure ends the call with its status; the description names the message.
 */
final class PredictStreamCall implements StreamObserver<PredictStreamRequest> {

    private final ServerCallStreamObserver<PredictStreamResponse> responses;
    private final Executor executor;
    private final Function<PredictStreamRequest, PredictStreamResponse> predict;
    private final ArrayDeque<PredictStreamResponse> unsent = new ArrayDeque<>();
    /** Work is chained so that messages are answered in order. */
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private long received;
    private long answered;
    private boolean clientDone;
    private boolean finished;

    PredictStreamCall(ServerCallStreamObserver<PredictStreamResponse> responses, int window, Executor executor,
            Function<PredictStreamRequest, PredictStreamResponse> predict) {
        this.responses = responses;
        this.executor = executor;
        this.predict = predict;
        responses.disableAutoRequest();
        responses.setOnReadyHandler(this::flush);
        responses.setOnCancelHandler(this::cancelled);
        responses.request(window);
    }

    @Override
    public synchronized void onNext(PredictStreamRequest request) {
        long index = received++;
        tail = tail.thenRunAsync(() -> answer(index, request), executor);
    }

    @Override
    public synchronized void onError(Throwable clientFailure) {
        finished = true; // the client gave up: nothing more can be sent
    }

    @Override
    public synchronized void onCompleted() {
        clientDone = true;
        tail = tail.thenRun(this::completeWhenAllSent);
    }

    private void answer(long index, PredictStreamRequest request) {
        synchronized (this) {
            if (finished) {
                return;
            }
        }
        PredictStreamResponse response;
        try {
            response = predict.apply(request);
        } catch (RuntimeException e) {
            fail(index, StatusMapper.toStatusException(e));
            return;
        }
        synchronized (this) {
            unsent.addLast(response);
        }
        flush();
    }

    /** Sends what the transport takes now; each answer sent lets one more message in. */
    private synchronized void flush() {
        while (!finished && !unsent.isEmpty() && responses.isReady()) {
            responses.onNext(unsent.pollFirst());
            answered++;
            responses.request(1);
        }
        completeWhenAllSent();
    }

    private synchronized void completeWhenAllSent() {
        if (!finished && clientDone && unsent.isEmpty() && answered == received) {
            finished = true;
            responses.onCompleted();
        }
    }

    private synchronized void fail(long index, Throwable status) {
        if (finished) {
            return;
        }
        finished = true;
        Status original = Status.fromThrowable(status);
        String description = "message " + index + ": " + original.getDescription();
        responses.onError(new StatusRuntimeException(original.withDescription(description)));
    }

    private synchronized void cancelled() {
        finished = true;
    }
}
