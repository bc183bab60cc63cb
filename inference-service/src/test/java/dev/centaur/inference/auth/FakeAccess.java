package dev.centaur.inference.auth;

import dev.centaur.router.v1.AccessServiceGrpc;
import dev.centaur.router.v1.AuthenticateRequest;
import dev.centaur.router.v1.AuthenticateResponse;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Router's AccessService as a real gRPC server on a free port (router's contract, access.proto:
 * Authenticate answers the holder of an issued token, NOT_FOUND for an unknown or revoked one),
 * for the auth tests: router itself does not run here. Records each call's authorization header;
 * {@link #goDown()} stops it to play router being down.
 */
public class FakeAccess extends AccessServiceGrpc.AccessServiceImplBase implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = "127.0.0.1";
    private static final Map<String, AuthenticateResponse> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static volatile FakeAccess current;

    private Server server;
    private int port;

    /** A new token router issued to {@code subject} with {@code role}. */
    static String issue(String role, String subject) {
        String token = "ctk_" + UUID.randomUUID();
        TOKENS.put(token, AuthenticateResponse.newBuilder().setTokenId("tok-" + subject).setRole(role)
                .setSubject(subject).build());
        return token;
    }

    static void revoke(String token) {
        TOKENS.remove(token);
    }

    /** How often inference asked about {@code token}. */
    static int calls(String token) {
        return CALLS.getOrDefault(token, new AtomicInteger()).get();
    }

    /** The distinct authorization headers Authenticate calls came with. */
    static List<String> authorizations() {
        return AUTHORIZATIONS.stream().distinct().toList();
    }

    static void goDown() throws InterruptedException {
        current.server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    static void comeBack() {
        current.serve(current.port);
    }

    @Override
    public void authenticate(AuthenticateRequest request, StreamObserver<AuthenticateResponse> observer) {
        CALLS.computeIfAbsent(request.getToken(), t -> new AtomicInteger()).incrementAndGet();
        AuthenticateResponse holder = TOKENS.get(request.getToken());
        if (holder == null) {
            observer.onError(Status.NOT_FOUND.withDescription("token not found").asRuntimeException());
            return;
        }
        observer.onNext(holder);
        observer.onCompleted();
    }

    @Override
    public Map<String, String> start() {
        current = this;
        serve(0);
        String onPort = String.valueOf(port);
        // In test mode Quarkus dials a client's test-port, so both ports name the fake.
        return Map.of("quarkus.grpc.clients.router.host", HOST,
                "quarkus.grpc.clients.router.port", onPort,
                "quarkus.grpc.clients.router.test-port", onPort);
    }

    private void serve(int onPort) {
        ServerInterceptor record = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                AUTHORIZATIONS.add(String.valueOf(headers.get(AUTHORIZATION)));
                return next.startCall(call, headers);
            }
        };
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(HOST, onPort))
                    .addService(ServerInterceptors.intercept(this, record)).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getPort();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
