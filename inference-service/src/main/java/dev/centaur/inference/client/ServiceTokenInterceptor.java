package dev.centaur.inference.client;

import dev.centaur.guard.BearerTokens;
import dev.centaur.inference.config.AuthConfig;
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
 * Sends the services' own token on every call inference makes to another service (only router's
 * AccessService.Authenticate; registered on the client stub, not globally, so tests' own clients
 * stay token-free). Sent whenever configured, even with inference's own check off.
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
