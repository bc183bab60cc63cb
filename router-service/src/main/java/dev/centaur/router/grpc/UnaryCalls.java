package dev.centaur.router.grpc;

import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** Answers a unary call with the handler's response, or with the status its failure maps to. */
final class UnaryCalls {

    private UnaryCalls() {
    }

    static <T> void answer(StreamObserver<T> observer, Supplier<T> handler) {
        T response;
        try {
            response = handler.get();
        } catch (RuntimeException e) {
            observer.onError(StatusMapper.toStatusException(e));
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }
}
