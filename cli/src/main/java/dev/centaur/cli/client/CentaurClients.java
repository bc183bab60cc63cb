package dev.centaur.cli.client;

import dev.centaur.crowd.v1.CrowdServiceGrpc;
import dev.centaur.inference.v1.InferenceServiceGrpc;
import dev.centaur.qc.v1.QcServiceGrpc;
import dev.centaur.router.v1.ProjectServiceGrpc;
import dev.centaur.router.v1.RouterServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Plain gRPC channels to the four services. Every accessor returns a stub whose deadline starts
 * now, so each call gets its own deadline: use one stub per call.
 */
public final class CentaurClients implements AutoCloseable {

    /** Room for a large export page or training request; the services' own limits still apply. */
    private static final int MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel router;
    private final ManagedChannel inference;
    private final ManagedChannel crowd;
    private final ManagedChannel qc;
    private final Duration rpcTimeout;

    public CentaurClients(ServiceAddresses addresses, Duration rpcTimeout) {
        this.router = channel(addresses.host(), addresses.routerPort());
        this.inference = channel(addresses.host(), addresses.inferencePort());
        this.crowd = channel(addresses.host(), addresses.crowdPort());
        this.qc = channel(addresses.host(), addresses.qcPort());
        this.rpcTimeout = rpcTimeout;
    }

    private static ManagedChannel channel(String host, int port) {
        return NettyChannelBuilder.forAddress(host, port).usePlaintext()
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES).build();
    }

    public Duration rpcTimeout() {
        return rpcTimeout;
    }

    public ProjectServiceGrpc.ProjectServiceBlockingStub projects() {
        return withDeadline(ProjectServiceGrpc.newBlockingStub(router), rpcTimeout);
    }

    public RouterServiceGrpc.RouterServiceBlockingStub router() {
        return withDeadline(RouterServiceGrpc.newBlockingStub(router), rpcTimeout);
    }

    /** For long calls (a whole export): the caller chooses the deadline. */
    public RouterServiceGrpc.RouterServiceBlockingStub router(Duration timeout) {
        return withDeadline(RouterServiceGrpc.newBlockingStub(router), timeout);
    }

    /** For training, which takes far longer than an ordinary call. */
    public InferenceServiceGrpc.InferenceServiceBlockingStub inference(Duration timeout) {
        return withDeadline(InferenceServiceGrpc.newBlockingStub(inference), timeout);
    }

    public CrowdServiceGrpc.CrowdServiceBlockingStub crowd() {
        return withDeadline(CrowdServiceGrpc.newBlockingStub(crowd), rpcTimeout);
    }

    /** Crowd calls made as the annotator that owns {@code token}. */
    public CrowdServiceGrpc.CrowdServiceBlockingStub crowdAs(String token) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        return crowd().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    public QcServiceGrpc.QcServiceBlockingStub qc() {
        return withDeadline(QcServiceGrpc.newBlockingStub(qc), rpcTimeout);
    }

    private static <S extends AbstractStub<S>> S withDeadline(S stub, Duration timeout) {
        return stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        for (ManagedChannel channel : List.of(router, inference, crowd, qc)) {
            channel.shutdownNow();
        }
        for (ManagedChannel channel : List.of(router, inference, crowd, qc)) {
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
