package dev.centaur.qc.grpc;

import dev.centaur.router.v1.AccessServiceGrpc;
import dev.centaur.router.v1.AuthenticateRequest;
import dev.centaur.router.v1.AuthenticateResponse;
import dev.centaur.router.v1.ProjectServiceGrpc;
import dev.centaur.router.v1.RaiseThresholdRequest;
import dev.centaur.router.v1.RaiseThresholdResponse;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * router-service's ProjectService as a real gRPC server on a free port, started before the
 * application, which is pointed at it. Records every RaiseThreshold call; raises like the real one
 * (only above the project's current floor) and can fail a project's first calls with a status.
 * Also router's AccessService (router's contract, access.proto: Authenticate answers the holder of
 * an issued token, NOT_FOUND for an unknown or revoked one), since qc asks router about tokens it
 * does not know; and the {@code authorization} header each call came with. Router itself does not
 * run in these tests; {@link #goDown()} stops this server to play router being down.
 */
public class FakeRouter extends ProjectServiceGrpc.ProjectServiceImplBase
        implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = "127.0.0.1";
    private static final List<RaiseThresholdRequest> CALLS = new CopyOnWriteArrayList<>();
    private static final Map<String, Double> FLOORS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FAILING_CALLS = new ConcurrentHashMap<>();
    private static final Map<String, Status> FAILURES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FAILED = new ConcurrentHashMap<>();

    private static final Map<String, AuthenticateResponse> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> AUTHENTICATE_CALLS = new ConcurrentHashMap<>();
    /** The authorization header of every call, by full method name, in order. */
    private static final Map<String, List<String>> AUTHORIZATIONS = new ConcurrentHashMap<>();
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    /** The running fake (one application at a time runs in a test JVM). */
    private static volatile FakeRouter current;

    private Server server;
    private int port;

    /** Successful RaiseThreshold calls for the project, in order. */
    static List<RaiseThresholdRequest> callsFor(String projectId) {
        return CALLS.stream().filter(call -> call.getProjectId().equals(projectId)).toList();
    }

    /** The project's next {@code calls} calls fail with the status. */
    static void failFor(String projectId, Status status, int calls) {
        FAILURES.put(projectId, status);
        FAILING_CALLS.put(projectId, new AtomicInteger(calls));
    }

    /** Calls for the project that were answered with a failure. */
    static int failedCalls(String projectId) {
        return FAILED.getOrDefault(projectId, new AtomicInteger()).get();
    }

    /** Router issued {@code token} to {@code subject} with {@code role}. */
    public static void issue(String token, String role, String subject) {
        TOKENS.put(token, AuthenticateResponse.newBuilder().setTokenId("tok-" + subject).setRole(role)
                .setSubject(subject).build());
    }

    /** Router revoked {@code token}: Authenticate answers NOT_FOUND from now on. */
    static void revoke(String token) {
        TOKENS.remove(token);
    }

    /** How often qc asked router about {@code token}. */
    static int authenticateCalls(String token) {
        return AUTHENTICATE_CALLS.getOrDefault(token, new AtomicInteger()).get();
    }

    /** The authorization headers calls of the method came with (e.g. "centaur.router.v1.AccessService/Authenticate"). */
    static List<String> authorizations(String fullMethodName) {
        return List.copyOf(AUTHORIZATIONS.getOrDefault(fullMethodName, List.of()));
    }

    /** Router is down: its port refuses connections until {@link #comeBack()}. */
    static void goDown() throws InterruptedException {
        current.server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Router is back on the same port. */
    static void comeBack() {
        current.serve(current.port);
    }

    @Override
    public void raiseThreshold(RaiseThresholdRequest request, StreamObserver<RaiseThresholdResponse> observer) {
        AtomicInteger failures = FAILING_CALLS.get(request.getProjectId());
        if (failures != null && failures.getAndDecrement() > 0) {
            FAILED.computeIfAbsent(request.getProjectId(), id -> new AtomicInteger()).incrementAndGet();
            observer.onError(FAILURES.get(request.getProjectId()).withDescription("fake router refuses")
                    .asRuntimeException());
            return;
        }
        CALLS.add(request);
        double before = FLOORS.getOrDefault(request.getProjectId(), 0.0);
        FLOORS.merge(request.getProjectId(), request.getMinThreshold(), Math::max);
        observer.onNext(RaiseThresholdResponse.newBuilder().setRaised(request.getMinThreshold() > before).build());
        observer.onCompleted();
    }

    @Override
    public Map<String, String> start() {
        current = this;
        serve(0);
        String port = String.valueOf(this.port);
        // In test mode Quarkus dials a client's test-port, so both ports name the fake.
        return Map.of("quarkus.grpc.clients.router.host", HOST,
                "quarkus.grpc.clients.router.port", port,
                "quarkus.grpc.clients.router.test-port", port);
    }

    private void serve(int onPort) {
        ServerInterceptor recordAuthorization = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                AUTHORIZATIONS.computeIfAbsent(call.getMethodDescriptor().getFullMethodName(),
                        m -> new CopyOnWriteArrayList<>()).add(String.valueOf(headers.get(AUTHORIZATION)));
                return next.startCall(call, headers);
            }
        };
        AccessServiceGrpc.AccessServiceImplBase access = new AccessServiceGrpc.AccessServiceImplBase() {
            @Override
            public void authenticate(AuthenticateRequest request, StreamObserver<AuthenticateResponse> observer) {
                AUTHENTICATE_CALLS.computeIfAbsent(request.getToken(), t -> new AtomicInteger()).incrementAndGet();
                AuthenticateResponse holder = TOKENS.get(request.getToken());
                if (holder == null) {
                    observer.onError(Status.NOT_FOUND.withDescription("token not found").asRuntimeException());
                    return;
                }
                observer.onNext(holder);
                observer.onCompleted();
            }
        };
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(HOST, onPort))
                    .addService(ServerInterceptors.intercept(this, recordAuthorization))
                    .addService(ServerInterceptors.intercept(access, recordAuthorization))
                    .build().start();
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
