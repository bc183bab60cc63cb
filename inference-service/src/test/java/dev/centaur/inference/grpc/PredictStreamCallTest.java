package dev.centaur.inference.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.inference.service.InvalidInputException;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.PredictResponse;
import dev.centaur.inference.v1.PredictStreamRequest;
import dev.centaur.inference.v1.PredictStreamResponse;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flow control of PredictStream against a fake transport (a direct executor keeps it deterministic). */
class PredictStreamCallTest {

    /** A transport whose readiness the test switches; records requests, answers and the end. */
    static final class FakeTransport extends ServerCallStreamObserver<PredictStreamResponse> {
        boolean ready = true;
        boolean autoRequestDisabled;
        int requested;
        Runnable onReady;
        final List<PredictStreamResponse> sent = new ArrayList<>();
        Throwable error;
        boolean completed;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setOnReadyHandler(Runnable handler) {
            onReady = handler;
        }

        @Override
        public void disableAutoRequest() {
            autoRequestDisabled = true;
        }

        @Override
        public void disableAutoInboundFlowControl() {
            autoRequestDisabled = true;
        }

        @Override
        public void request(int count) {
            requested += count;
        }

        @Override
        public void onNext(PredictStreamResponse value) {
            sent.add(value);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onCompleted() {
            completed = true;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void setOnCancelHandler(Runnable handler) {
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }
    }

    private static PredictStreamRequest message(String modelName) {
        return PredictStreamRequest.newBuilder().setPredict(PredictRequest.newBuilder().setModelName(modelName)).build();
    }

    private static PredictStreamResponse echo(PredictStreamRequest request) {
        if (request.getPredict().getModelName().isEmpty()) {
            throw new InvalidInputException("model_name is empty");
        }
        return PredictStreamResponse.newBuilder()
                .setPredict(PredictResponse.newBuilder().setVersionId(request.getPredict().getModelName()))
                .build();
    }

    @Test
    void asksForTheWindowFirstAndOneMoreMessageOnlyPerAnswerSent() {
        FakeTransport transport = new FakeTransport();
        PredictStreamCall call = new PredictStreamCall(transport, 2, Runnable::run, PredictStreamCallTest::echo);
        assertTrue(transport.autoRequestDisabled);
        assertEquals(2, transport.requested);

        transport.ready = false; // the client reads nothing: answers pile up, no more messages are asked for
        call.onNext(message("a"));
        call.onNext(message("b"));
        assertEquals(0, transport.sent.size());
        assertEquals(2, transport.requested);

        transport.ready = true;
        transport.onReady.run();
        assertEquals(List.of("a", "b"), transport.sent.stream().map(r -> r.getPredict().getVersionId()).toList());
        assertEquals(4, transport.requested);
        assertFalse(transport.completed);

        call.onCompleted();
        assertTrue(transport.completed, "ends once every message is answered");
    }

    @Test
    void completesOnlyAfterTheLastAnswerIsSent() {
        FakeTransport transport = new FakeTransport();
        PredictStreamCall call = new PredictStreamCall(transport, 4, Runnable::run, PredictStreamCallTest::echo);
        transport.ready = false;
        call.onNext(message("a"));
        call.onCompleted();
        assertFalse(transport.completed);
        transport.ready = true;
        transport.onReady.run();
        assertEquals(1, transport.sent.size());
        assertTrue(transport.completed);
    }

    @Test
    void aBadMessageEndsTheCallWithItsStatusNamingTheMessage() {
        FakeTransport transport = new FakeTransport();
        PredictStreamCall call = new PredictStreamCall(transport, 4, Runnable::run, PredictStreamCallTest::echo);
        call.onNext(message("a"));
        call.onNext(message(""));
        call.onNext(message("c"));
        call.onCompleted();

        assertEquals(1, transport.sent.size(), "nothing is answered after the failure");
        assertNotNull(transport.error);
        Status status = Status.fromThrowable(transport.error);
        assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
        assertEquals("message 1: model_name is empty", status.getDescription());
        assertFalse(transport.completed);
    }
}
