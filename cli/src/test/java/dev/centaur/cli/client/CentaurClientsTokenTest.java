package dev.centaur.cli.client;

import dev.centaur.crowd.v1.CrowdServiceGrpc;
import dev.centaur.crowd.v1.NextTaskRequest;
import dev.centaur.inference.v1.InferenceServiceGrpc;
import dev.centaur.inference.v1.ListModelsRequest;
import dev.centaur.qc.v1.GetAccuracyRequest;
import dev.centaur.qc.v1.NextReviewRequest;
import dev.centaur.qc.v1.QcServiceGrpc;
import dev.centaur.router.v1.AccessServiceGrpc;
import dev.centaur.router.v1.ListProjectsRequest;
import dev.centaur.router.v1.ListTokensRequest;
import dev.centaur.router.v1.ProjectServiceGrpc;
import dev.centaur.router.v1.RouterServiceGrpc;
import dev.centaur.router.v1.GetProgressRequest;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * CentaurClients against a real gRPC server on a free port whose services answer UNIMPLEMENTED
 * and which records the authorization headers of every call, by method.
 */
class CentaurClientsTokenTest {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Map<String, List<String>> headersByMethod = new ConcurrentHashMap<>();
    private Server server;

    @BeforeEach
    void startServer() throws IOException {
        ServerInterceptor record = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                List<String> values = new ArrayList<>();
                Iterable<String> all = headers.getAll(AUTHORIZATION);
                if (all != null) {
                    all.forEach(values::add);
                }
                headersByMethod.put(call.getMethodDescriptor().getBareMethodName(), values);
                return next.startCall(call, headers);
            }
        };
        NettyServerBuilder builder = NettyServerBuilder.forPort(0);
        for (io.grpc.BindableService service : List.of(new ProjectServiceGrpc.ProjectServiceImplBase() { },
                new RouterServiceGrpc.RouterServiceImplBase() { }, new AccessServiceGrpc.AccessServiceImplBase() { },
                new CrowdServiceGrpc.CrowdServiceImplBase() { }, new QcServiceGrpc.QcServiceImplBase() { },
                new InferenceServiceGrpc.InferenceServiceImplBase() { })) {
            builder.addService(ServerInterceptors.intercept(service, record));
        }
        server = builder.build().start();
    }

    @AfterEach
    void stopServer() {
        server.shutdownNow();
    }

    private CentaurClients clients(String token) {
        int port = server.getPort();
        return new CentaurClients(new ServiceAddresses("127.0.0.1", port, port, port, port), Duration.ofSeconds(5), token);
    }

    /** Makes the call; the fake answers UNIMPLEMENTED after the header was recorded. */
    private List<String> headersOf(String method, Supplier<?> call) {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, call::get);
        assertEquals(Status.Code.UNIMPLEMENTED, refused.getStatus().getCode(), refused.toString());
        return headersByMethod.get(method);
    }

    @Test
    void everyServiceCallCarriesTheCommandsTokenOnce() {
        try (CentaurClients clients = clients("adm-123")) {
            List<String> expected = List.of("Bearer adm-123");
            assertEquals(expected, headersOf("ListProjects", () -> clients.projects().listProjects(ListProjectsRequest.getDefaultInstance())));
            assertEquals(expected, headersOf("GetProgress", () -> clients.router().getProgress(GetProgressRequest.getDefaultInstance())));
            assertEquals(expected, headersOf("ListTokens", () -> clients.access().listTokens(ListTokensRequest.getDefaultInstance())));
            assertEquals(expected, headersOf("NextTask", () -> clients.crowd().nextTask(NextTaskRequest.getDefaultInstance())));
            assertEquals(expected, headersOf("GetAccuracy", () -> clients.qc().getAccuracy(GetAccuracyRequest.getDefaultInstance())));
            assertEquals(expected, headersOf("ListModels", () -> clients.inference(Duration.ofSeconds(5))
                    .listModels(ListModelsRequest.getDefaultInstance())));
        }
    }

    @Test
    void anAnnotatorsOrExpertsStubSendsOnlyTheirOwnToken() {
        try (CentaurClients clients = clients("adm-123")) {
            assertEquals(List.of("Bearer ann-7"), headersOf("NextTask", () -> clients.crowdAs("ann-7").nextTask(NextTaskRequest.getDefaultInstance())));
            assertEquals(List.of("Bearer exp-9"), headersOf("NextReview", () -> clients.qcAs("exp-9").nextReview(NextReviewRequest.getDefaultInstance())));
            // The next plain call is the command's again.
            assertEquals(List.of("Bearer adm-123"), headersOf("NextTask", () -> clients.crowd().nextTask(NextTaskRequest.getDefaultInstance())));
        }
    }

    @Test
    void withoutATokenNoHeaderIsSentButAStubsOwnTokenStillIs() {
        try (CentaurClients clients = clients(null)) {
            assertEquals(List.of(), headersOf("ListProjects", () -> clients.projects().listProjects(ListProjectsRequest.getDefaultInstance())));
            assertEquals(List.of(), headersOf("NextReview", () -> clients.qcAs(null).nextReview(NextReviewRequest.getDefaultInstance())));
            assertEquals(List.of("Bearer ann-7"), headersOf("NextTask", () -> clients.crowdAs("ann-7").nextTask(NextTaskRequest.getDefaultInstance())));
        }
        try (CentaurClients blank = clients("  ")) {
            assertEquals(List.of(), headersOf("ListProjects", () -> blank.projects().listProjects(ListProjectsRequest.getDefaultInstance())));
        }
    }
}
