package dev.centaur.qc.client;

import dev.centaur.guard.BearerTokens;
import dev.centaur.qc.config.AuthConfig;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Sends the services' own token on every call qc makes to another service (registered on each
 * client stub, not globally, so tests' own clients stay token-free). Sent whenever configured,
 * even with qc's own check off: the other service may check.
 */
@ApplicationScoped
public class ServiceTokenInterceptor implements ClientInterceptor {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of(BearerTokens.HEADER, Metadata.ASCII_STRING_MARSHALLER);

    private final Optional<String> header;

    ServiceTokenInterceptor(AuthConfig config) {
        this.header = config.serviceToken().map(String::trim).filter(t -> !t.isEmpty()).map(BearerTokens::header);
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                header.ifPresent(value -> headers.put(AUTHORIZATION, value));
                super.start(listener, headers);
            }
        };
    }
}
