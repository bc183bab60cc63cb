package dev.centaur.guard.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.guard.BearerTokens;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The interceptor on a real (in-process) gRPC server and channel. */
class LimitsInterceptorTest {

    private static final String SERVICE_TOKEN = "service-secret";
    private static final MethodDescriptor.Marshaller<String> TEXT = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private static final MethodDescriptor<String, String> ECHO = MethodDescriptor.<String, String>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("test.Echo/Echo")
            .setRequestMarshaller(TEXT)
            .setResponseMarshaller(TEXT)
            .build();

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newFixedThreadPool(4);
    private Server server;
    private ManagedChannel channel;
    private LimitsInterceptor interceptor;

    private void start(double rate, int burst, int maxInFlight) throws IOException {
        interceptor = new LimitsInterceptor(new LimitsInterceptor.Limits(rate, burst, maxInFlight, 100,
                Optional.of(BearerTokens.sha256Hex(SERVICE_TOKEN))));
        ServerServiceDefinition echo = ServerServiceDefinition.builder("test.Echo")
                .addMethod(ECHO, ServerCalls.asyncUnaryCall((request, observer) -> {
                    if (request.equals("hold")) {
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    observer.onNext(request);
                    observer.onCompleted();
                }))
                .build();
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).executor(Executors.newFixedThreadPool(4))
                .addService(ServerInterceptors.intercept(echo, interceptor)).build().start();
        channel = InProcessChannelBuilder.forName(name).build();
    }

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
        channel.shutdownNow();
        server.shutdownNow();
    }

    private String call(String token) {
        return ClientCalls.blockingUnaryCall(io.grpc.ClientInterceptors.intercept(channel,
                MetadataUtils.newAttachHeadersInterceptor(headers(token))), ECHO,
                CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), "hi");
    }

    private static Metadata headers(String token) {
        Metadata headers = new Metadata();
        if (token != null) {
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), BearerTokens.header(token));
        }
        return headers;
    }

    @Test
    void aCallerOverItsRateIsRefusedAtOnceOthersAndTheServicesAreNot() throws IOException {
        start(0.5, 2, 100);
        assertEquals("hi", call("alice"));
        assertEquals("hi", call("alice"));
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> call("alice"));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode());
        assertTrue(refused.getStatus().getDescription().contains(LimitsInterceptor.RATE_KEY),
                refused.getStatus().getDescription());
        String retryAfter = refused.getTrailers().get(LimitsInterceptor.RETRY_AFTER_MS);
        assertTrue(Long.parseLong(retryAfter) > 0, retryAfter);

        assertEquals("hi", call("bob"));
        for (int i = 0; i < 10; i++) {
            assertEquals("hi", call(SERVICE_TOKEN), "the services' own token is exempt, call " + i);
        }
        // No token: limited by address, like any other caller.
        call(null);
        call(null);
        assertEquals(Status.Code.RESOURCE_EXHAUSTED,
                assertThrows(StatusRuntimeException.class, () -> call(null)).getStatus().getCode());
    }

    @Test
    void callsOverTheInFlightCapAreRefusedAtOnceAndTheSlotComesBack() throws Exception {
        start(1000, 1000, 1);
        Future<String> held = callers.submit(() -> ClientCalls.blockingUnaryCall(channel, ECHO,
                CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), "hold"));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (interceptor.inFlight() < 1 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        StatusRuntimeException busy = assertThrows(StatusRuntimeException.class, () -> call(SERVICE_TOKEN));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, busy.getStatus().getCode());
        assertTrue(busy.getStatus().getDescription().contains(LimitsInterceptor.IN_FLIGHT_KEY),
                busy.getStatus().getDescription());
        release.countDown();
        assertEquals("hold", held.get(5, TimeUnit.SECONDS));
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (interceptor.inFlight() > 0 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertEquals(0, interceptor.inFlight());
        assertEquals("hi", call(SERVICE_TOKEN));
    }

    @Test
    void aCancelledCallGivesItsSlotBack() throws Exception {
        start(1000, 1000, 1);
        StatusRuntimeException expired = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(
                channel, ECHO, CallOptions.DEFAULT.withDeadlineAfter(100, TimeUnit.MILLISECONDS), "hold"));
        assertEquals(Status.Code.DEADLINE_EXCEEDED, expired.getStatus().getCode());
        release.countDown();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (interceptor.inFlight() > 0 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertEquals(0, interceptor.inFlight());
        assertEquals("hi", call(SERVICE_TOKEN));
    }
}
