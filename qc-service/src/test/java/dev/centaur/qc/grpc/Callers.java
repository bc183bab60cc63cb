package dev.centaur.qc.grpc;

import dev.centaur.guard.BearerTokens;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.util.UUID;

/** The tests' client as one caller or another: the stub with an authorization header. */
final class Callers {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of(BearerTokens.HEADER, Metadata.ASCII_STRING_MARSHALLER);

    private Callers() {
    }

    /** The stub sending {@code authorization: Bearer <token>}. */
    static QcServiceBlockingStub as(QcServiceBlockingStub qc, String token) {
        return withHeader(qc, BearerTokens.header(token));
    }

    /** The stub sending this authorization header as it is. */
    static QcServiceBlockingStub withHeader(QcServiceBlockingStub qc, String header) {
        Metadata metadata = new Metadata();
        metadata.put(AUTHORIZATION, header);
        return qc.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
    }

    /** A new token router issues to {@code subject} with {@code role}. */
    static String issued(String role, String subject) {
        String token = "ctk_" + UUID.randomUUID();
        FakeRouter.issue(token, role, subject);
        return token;
    }
}
