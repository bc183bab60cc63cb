package dev.centaur.crowd.support;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link RecordingRouter} and a {@link FakeAccessService} on a free port for the tests' lifetime
 * and points the service's "router" gRPC client at it; {@link #HEADERS} records what each call
 * carried in its authorization header.
 */
public class RecordingRouterResource implements QuarkusTestResourceLifecycleManager {

    public static final RecordingRouter ROUTER = new RecordingRouter();
    public static final FakeAccessService ACCESS = new FakeAccessService();
    public static final RecordedHeaders HEADERS = new RecordedHeaders();

    private Server server;

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(ServerInterceptors.intercept(ROUTER, HEADERS))
                    .addService(ServerInterceptors.intercept(ACCESS, HEADERS)).build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // In test mode Quarkus points every client at the service's own test port unless test-port is set.
        return Map.of("quarkus.grpc.clients.router.host", "127.0.0.1",
                "quarkus.grpc.clients.router.test-port", String.valueOf(server.getPort()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
