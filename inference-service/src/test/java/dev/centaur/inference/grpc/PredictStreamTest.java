package dev.centaur.inference.grpc;

import static dev.centaur.inference.testdata.Requests.freshModelName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.inference.testdata.Requests;
import dev.centaur.inference.testdata.SyntheticTexts;
import dev.centaur.inference.v1.InferenceServiceGrpc.InferenceServiceBlockingStub;
import dev.centaur.inference.v1.InferenceServiceGrpc;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.PredictResponse;
import dev.centaur.inference.v1.PredictStreamRequest;
import dev.centaur.inference.v1.PredictStreamResponse;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PredictStreamTest {

    @GrpcClient("inference")
    InferenceServiceBlockingStub inference;

    @GrpcClient("inference")
    Channel channel;

    /** Streams the requests, collects the answers; completes exceptionally with the call's status. */
    private CompletableFuture<List<PredictResponse>> stream(List<PredictRequest> requests) {
        CompletableFuture<List<PredictResponse>> done = new CompletableFuture<>();
        List<PredictResponse> answers = new ArrayList<>();
        StreamObserver<PredictStreamRequest> upstream = InferenceServiceGrpc.newStub(channel).predictStream(new StreamObserver<>() {
            @Override
            public void onNext(PredictStreamResponse value) {
                answers.add(value.getPredict());
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                done.complete(answers);
            }
        });
        for (PredictRequest request : requests) {
            upstream.onNext(PredictStreamRequest.newBuilder().setPredict(request).build());
        }
        upstream.onCompleted();
        return done;
    }

    @Test
    void answersEachMessageInOrderLikePredict() throws Exception {
        String name = freshModelName();
        inference.train(Requests.topics(name, 80, 1).build());
        List<PredictRequest> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            requests.add(Requests.predict(name, SyntheticTexts.topics(25, 100 + i)).build());
        }

        List<PredictResponse> answers = stream(requests).get(60, TimeUnit.SECONDS);

        assertEquals(12, answers.size());
        for (int i = 0; i < 12; i++) {
            assertEquals(inference.predict(requests.get(i)), answers.get(i), "message " + i);
        }
    }

    @Test
    void aBadMessageEndsTheStreamWithInvalidArgumentNamingMessageAndField() throws Exception {
        String name = freshModelName();
        inference.train(Requests.topics(name, 80, 1).build());
        List<PredictRequest> requests = List.of(Requests.predict(name, SyntheticTexts.topics(3, 1)).build(),
                PredictRequest.newBuilder().setModelName(name).build());

        Throwable failure = stream(requests).handle((ok, error) -> error).get(60, TimeUnit.SECONDS);

        Status status = Status.fromThrowable(failure);
        assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
        assertTrue(status.getDescription().startsWith("message 1: items: empty"), status.getDescription());
    }

    @Test
    void anUnknownModelEndsTheStreamWithNotFound() throws Exception {
        String unknown = freshModelName();
        Throwable failure = stream(List.of(Requests.predict(unknown, SyntheticTexts.topics(2, 1)).build()))
                .handle((ok, error) -> error).get(60, TimeUnit.SECONDS);
        Status status = Status.fromThrowable(failure);
        assertEquals(Status.Code.NOT_FOUND, status.getCode());
        assertTrue(status.getDescription().contains(unknown), status.getDescription());
    }
}
