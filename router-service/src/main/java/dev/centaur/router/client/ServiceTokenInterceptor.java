package dev.centaur.router.client;

import dev.centaur.guard.BearerTokens;
import dev.centaur.router.config.AuthConfig;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Sends the services' token ({@code centaur.auth.service-token}) on every call router makes to
 * inference, crowd and qc, which accept it as role service. Registered on those clients only, not
 * globally, so no other client (the tests' own) ever carries it by accident.
 */
@ApplicationScoped
public class ServiceTokenInterceptor implements ClientInterceptor {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of(BearerTokens.HEADER, Metadata.ASCII_STRING_MARSHALLER);

    @Inject
    AuthConfig config;

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        Optional<String> header = config.serviceToken().filter(token -> !token.isBlank()).map(BearerTokens::header);
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                header.ifPresent(value -> headers.put(AUTHORIZATION, value));
                super.start(listener, headers);
            }
        };
    }
}
