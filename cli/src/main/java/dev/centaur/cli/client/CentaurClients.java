package dev.centaur.cli.client;

import dev.centaur.crowd.v1.CrowdServiceGrpc;
import dev.centaur.inference.v1.InferenceServiceGrpc;
import dev.centaur.qc.v1.QcServiceGrpc;
import dev.centaur.router.v1.AccessServiceGrpc;
import dev.centaur.router.v1.ProjectServiceGrpc;
import dev.centaur.router.v1.RouterServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Plain gRPC channels to the four services. Every accessor returns a stub whose deadline starts
 * now, so each call gets its own deadline: use one stub per call. Every call carries the
 * command's bearer token (one {@link BearerTokenInterceptor} on the channels) unless the stub
 * carries its own ({@link #crowdAs}, {@link #qcAs}).
 */
public final class CentaurClients implements AutoCloseable {

    /** Room for a large export page or training request; the services' own limits still apply. */
    private static final int MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;

    private final ManagedChannel router;
    private final ManagedChannel inference;
    private final ManagedChannel crowd;
    private final ManagedChannel qc;
    private final Duration rpcTimeout;
    private final BearerTokenInterceptor bearer;

    /** Calls without a token of the command's own: for services with auth off (and stubs with their own token). */
    public CentaurClients(ServiceAddresses addresses, Duration rpcTimeout) {
        this(addresses, rpcTimeout, null);
    }

    /** Every call sends {@code token} (an admin's or a client's); null sends none. */
    public CentaurClients(ServiceAddresses addresses, Duration rpcTimeout, String token) {
        this.bearer = new BearerTokenInterceptor(token);
        this.router = channel(addresses.host(), addresses.routerPort(), bearer);
        this.inference = channel(addresses.host(), addresses.inferencePort(), bearer);
        this.crowd = channel(addresses.host(), addresses.crowdPort(), bearer);
        this.qc = channel(addresses.host(), addresses.qcPort(), bearer);
        this.rpcTimeout = rpcTimeout;
    }

    private static ManagedChannel channel(String host, int port, BearerTokenInterceptor bearer) {
        return NettyChannelBuilder.forAddress(host, port).usePlaintext()
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES).intercept(bearer).build();
    }

    /** Whether the calls carry a token of the command's own. */
    public boolean hasToken() {
        return bearer.hasChannelToken();
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

    /** Crowd calls made as the annotator that owns {@code token}, instead of with the command's token (null: with it). */
    public CrowdServiceGrpc.CrowdServiceBlockingStub crowdAs(String token) {
        return token == null ? crowd() : crowd().withOption(BearerTokenInterceptor.TOKEN, token);
    }

    public QcServiceGrpc.QcServiceBlockingStub qc() {
        return withDeadline(QcServiceGrpc.newBlockingStub(qc), rpcTimeout);
    }

    /** QC calls made as the expert that owns {@code token}, instead of with the command's token (null: with it). */
    public QcServiceGrpc.QcServiceBlockingStub qcAs(String token) {
        return token == null ? qc() : qc().withOption(BearerTokenInterceptor.TOKEN, token);
    }

    /** Router's tokens: create, revoke, list (admin). */
    public AccessServiceGrpc.AccessServiceBlockingStub access() {
        return withDeadline(AccessServiceGrpc.newBlockingStub(router), rpcTimeout);
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
