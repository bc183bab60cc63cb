package dev.centaur.systemtests;

import dev.centaur.guard.BearerTokens;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends bytes as a method's request, whatever they are, and reports the status the service answered. */
final class RawCalls {

    /** What a call ended with; OK when it succeeded. */
    record Outcome(Status.Code code, String description) {
        boolean refused() {
            return code != Status.Code.OK;
        }

        @Override
        public String toString() {
            return code + (description == null ? "" : " \"" + abbreviate(description) + "\"");
        }
    }

    private static final MethodDescriptor.Marshaller<byte[]> RAW = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private final Channel channel;
    private final Duration deadline;

    RawCalls(Channel channel, Duration deadline) {
        this.channel = channel;
        this.deadline = deadline;
    }

    /** Calls {@code method} with {@code request} as its only message, with {@code token} if not null. */
    Outcome call(MethodDescriptor<?, ?> method, byte[] request, String token) {
        MethodDescriptor<byte[], byte[]> raw = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(method.getType())
                .setFullMethodName(method.getFullMethodName())
                .setRequestMarshaller(RAW)
                .setResponseMarshaller(RAW)
                .build();
        Metadata headers = new Metadata();
        if (token != null) {
            headers.put(Metadata.Key.of(BearerTokens.HEADER, Metadata.ASCII_STRING_MARSHALLER), BearerTokens.header(token));
        }
        Channel authorized = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            switch (method.getType()) {
                case UNARY -> ClientCalls.blockingUnaryCall(authorized, raw, options, request);
                case SERVER_STREAMING -> {
                    Iterator<byte[]> responses = ClientCalls.blockingServerStreamingCall(authorized, raw, options, request);
                    while (responses.hasNext()) {
                        responses.next();
                    }
                }
                default -> streaming(authorized.newCall(raw, options), request);
            }
            return new Outcome(Status.Code.OK, null);
        } catch (StatusRuntimeException e) {
            return new Outcome(e.getStatus().getCode(), e.getStatus().getDescription());
        }
    }

    /** A client or bidirectional stream: one message, then half-close, then read to the end. */
    private void streaming(ClientCall<byte[], byte[]> call, byte[] request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<byte[]> requests = ClientCalls.asyncBidiStreamingCall(call, new StreamObserver<>() {
            @Override
            public void onNext(byte[] value) {
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                done.complete(null);
            }
        });
        requests.onNext(request);
        requests.onCompleted();
        try {
            done.get(deadline.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException status) {
                throw status;
            }
            throw Status.UNKNOWN.withCause(e.getCause()).asRuntimeException();
        } catch (TimeoutException e) {
            throw Status.DEADLINE_EXCEEDED.withDescription("the stream did not end").asRuntimeException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.asRuntimeException();
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }
}
