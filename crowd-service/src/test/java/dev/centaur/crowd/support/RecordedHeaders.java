package dev.centaur.crowd.support;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the authorization header of every call the in-test router receives (null when absent). */
public class RecordedHeaders implements ServerInterceptor {

    /** One call: its method and the authorization header it carried. */
    public record Call(String method, String authorization) {
    }

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        calls.add(new Call(call.getMethodDescriptor().getBareMethodName(), headers.get(AUTHORIZATION)));
        return next.startCall(call, headers);
    }

    /** Calls recorded so far: a mark for {@link #authorizationsOf(String, int)}. */
    public int mark() {
        return calls.size();
    }

    /** The authorization headers of the calls to the method since the mark. */
    public List<String> authorizationsOf(String bareMethodName, int mark) {
        return calls.subList(mark, calls.size()).stream().filter(c -> c.method().equals(bareMethodName))
                .map(Call::authorization).toList();
    }
}
