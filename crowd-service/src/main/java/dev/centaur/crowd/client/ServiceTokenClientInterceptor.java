package dev.centaur.crowd.client;

import dev.centaur.crowd.config.AuthConfig;
import dev.centaur.guard.BearerTokens;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends the services' own token ({@code centaur.auth.service-token}) on every call crowd makes to
 * another service, so router accepts it as role service. Without a configured token (auth off, in
 * tests and local runs) calls go out as before.
 */
@ApplicationScoped
public class ServiceTokenClientInterceptor implements ClientInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of(BearerTokens.HEADER,
            Metadata.ASCII_STRING_MARSHALLER);

    @Inject
    AuthConfig config;

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> responseListener, Metadata headers) {
                config.serviceToken().filter(token -> !token.isBlank())
                        .ifPresent(token -> headers.put(AUTHORIZATION, BearerTokens.header(token)));
                super.start(responseListener, headers);
            }
        };
    }
}
