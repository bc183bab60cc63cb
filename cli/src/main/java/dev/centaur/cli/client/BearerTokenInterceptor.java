package dev.centaur.cli.client;

import dev.centaur.guard.BearerTokens;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/**
 * Puts {@code authorization: Bearer <token>} on every call of a channel: the command's token, or
 * the one a single stub carries in its call options ({@link #TOKEN}, e.g. an annotator's or an
 * expert's own). Exactly one authorization header goes out; without any token, none.
 */
public final class BearerTokenInterceptor implements ClientInterceptor {

    /** A stub's own token, overriding the channel's: {@code stub.withOption(TOKEN, token)}. */
    public static final CallOptions.Key<String> TOKEN = CallOptions.Key.create("centaur-bearer-token");

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of(BearerTokens.HEADER, Metadata.ASCII_STRING_MARSHALLER);

    private final String channelToken;

    /** {@code channelToken} may be null: then only stubs with their own token send one. */
    public BearerTokenInterceptor(String channelToken) {
        this.channelToken = channelToken == null || channelToken.isBlank() ? null : channelToken.strip();
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        String stubToken = options.getOption(TOKEN);
        String token = stubToken != null ? stubToken : channelToken;
        ClientCall<Q, R> call = next.newCall(method, options);
        if (token == null) {
            return call;
        }
        return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                headers.discardAll(AUTHORIZATION);
                headers.put(AUTHORIZATION, BearerTokens.header(token));
                super.start(listener, headers);
            }
        };
    }

    /** Whether the channel sends a token of its own (the command's). */
    public boolean hasChannelToken() {
        return channelToken != null;
    }
}
