package dev.centaur.qc.grpc;

import dev.centaur.router.v1.ProjectServiceGrpc;
import dev.centaur.router.v1.RaiseThresholdRequest;
import dev.centaur.router.v1.RaiseThresholdResponse;
import io.grpc.Server;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * router-service's ProjectService as a real gRPC server on a free port, started before the
 * application, which is pointed at it. Records every RaiseThreshold call; raises like the real one
 * (only above the project's current floor) and can fail a project's first calls with a status.
 */
public class FakeRouter extends ProjectServiceGrpc.ProjectServiceImplBase
        implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = "127.0.0.1";
    private static final List<RaiseThresholdRequest> CALLS = new CopyOnWriteArrayList<>();
    private static final Map<String, Double> FLOORS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FAILING_CALLS = new ConcurrentHashMap<>();
    private static final Map<String, Status> FAILURES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FAILED = new ConcurrentHashMap<>();

    private Server server;

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
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(HOST, 0)).addService(this).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String port = String.valueOf(server.getPort());
        // In test mode Quarkus dials a client's test-port, so both ports name the fake.
        return Map.of("quarkus.grpc.clients.router.host", HOST,
                "quarkus.grpc.clients.router.port", port,
                "quarkus.grpc.clients.router.test-port", port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
