package dev.centaur.router.fakes;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the {@code authorization} header of each call a fake peer receives, by full method name. */
public class PeerHeaders implements ServerInterceptor {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    /** One received call: its method and its authorization header, if any. */
    public record Received(String method, Optional<String> authorization) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        received.add(new Received(call.getMethodDescriptor().getFullMethodName(),
                Optional.ofNullable(headers.get(AUTHORIZATION))));
        return next.startCall(call, headers);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }
}
