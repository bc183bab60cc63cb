package dev.centaur.crowd.grpc;

import dev.centaur.crowd.v1.CrowdServiceGrpc;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads the annotator's bearer token ({@code authorization: Bearer <token>}) of the annotator RPCs
 * and puts it in the gRPC {@link Context}; refuses the call with UNAUTHENTICATED when it is missing.
 * The token is resolved to an annotator on the worker thread that runs the method (see
 * {@link CrowdGrpcService}), because the lookup is a database query and interceptors run on the
 * event loop.
 */
@ApplicationScoped
public class AnnotatorTokenInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> TOKEN = Context.key("centaur-crowd-annotator-token");
    private static final String BEARER = "Bearer ";

    /** The RPCs an annotator makes; the others are called by router and admins. */
    private static final Set<String> ANNOTATOR_METHODS = Set.of(
            CrowdServiceGrpc.getNextTaskMethod().getFullMethodName(),
            CrowdServiceGrpc.getSubmitAnswerMethod().getFullMethodName());

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        if (!ANNOTATOR_METHODS.contains(call.getMethodDescriptor().getFullMethodName())) {
            return next.startCall(call, headers);
        }
        String header = headers.get(AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.substring(BEARER.length()).isBlank()) {
            call.close(Status.UNAUTHENTICATED.withDescription(header == null
                    ? "missing the 'authorization: Bearer <token>' header"
                    : "the authorization header is not of the form 'Bearer <token>'"), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        Context context = Context.current().withValue(TOKEN, header.substring(BEARER.length()).trim());
        return Contexts.interceptCall(context, call, headers, next);
    }

    /** The bearer token of the current annotator call. */
    static String currentToken() {
        String token = TOKEN.get();
        if (token == null) {
            throw new IllegalStateException("no annotator token in the gRPC context: is the interceptor registered?");
        }
        return token;
    }
}
