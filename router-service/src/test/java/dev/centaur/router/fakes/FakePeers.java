package dev.centaur.router.fakes;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the three peers as real gRPC servers on free ports before the application starts, and
 * points the application's clients at them.
 */
public class FakePeers implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = "127.0.0.1";

    public static final FakeInference INFERENCE = new FakeInference();
    public static final FakeCrowd CROWD = new FakeCrowd();
    public static final FakeQc QC = new FakeQc();
    /** The authorization header of every call the peers received. */
    public static final PeerHeaders HEADERS = new PeerHeaders();

    private List<Server> servers = List.of();

    @Override
    public Map<String, String> start() {
        Server inference = serve(INFERENCE);
        Server crowd = serve(CROWD);
        Server qc = serve(QC);
        servers = List.of(inference, crowd, qc);
        Map<String, String> config = new HashMap<>();
        pointClientAt(config, "inference", inference);
        pointClientAt(config, "crowd", crowd);
        pointClientAt(config, "qc", qc);
        return config;
    }

    /** In test mode Quarkus dials a client's test-port, so both ports name the fake. */
    private static void pointClientAt(Map<String, String> config, String client, Server server) {
        String prefix = "quarkus.grpc.clients." + client + ".";
        config.put(prefix + "host", HOST);
        config.put(prefix + "port", String.valueOf(server.getPort()));
        config.put(prefix + "test-port", String.valueOf(server.getPort()));
    }

    @Override
    public void stop() {
        servers.forEach(Server::shutdownNow);
    }

    private static Server serve(io.grpc.BindableService service) {
        try {
            return NettyServerBuilder.forAddress(new InetSocketAddress(HOST, 0))
                    .addService(ServerInterceptors.intercept(service, HEADERS))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
