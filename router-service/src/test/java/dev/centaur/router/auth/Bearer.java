package dev.centaur.router.auth;

import dev.centaur.guard.BearerTokens;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;

/** Stubs that send a given authorization header. */
public final class Bearer {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of(BearerTokens.HEADER, Metadata.ASCII_STRING_MARSHALLER);

    private Bearer() {
    }

    /** The stub, sending {@code authorization: Bearer <token>}. */
    public static <S extends AbstractStub<S>> S as(S stub, String token) {
        return withHeader(stub, BearerTokens.header(token));
    }

    /** The stub, sending {@code authorization: <value>} as given. */
    public static <S extends AbstractStub<S>> S withHeader(S stub, String value) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, value);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}
