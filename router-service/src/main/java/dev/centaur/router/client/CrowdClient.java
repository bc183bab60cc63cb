package dev.centaur.router.client;

import dev.centaur.crowd.v1.CrowdServiceGrpc.CrowdServiceBlockingStub;
import dev.centaur.crowd.v1.EnqueueRequest;
import dev.centaur.crowd.v1.EnqueueResponse;
import dev.centaur.crowd.v1.RecordExpertVerdictRequest;
import dev.centaur.crowd.v1.RecordExpertVerdictResponse;
import dev.centaur.crowd.v1.UpsertProjectRequest;
import dev.centaur.crowd.v1.UpsertProjectResponse;
import dev.centaur.router.config.RouterConfig;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/** crowd-service, as router uses it. Every call is idempotent, so every one is retried. */
@ApplicationScoped
public class CrowdClient {

    @GrpcClient("crowd")
    @RegisterClientInterceptor(ServiceTokenInterceptor.class)
    CrowdServiceBlockingStub crowd;

    @Inject
    RouterConfig config;

    public UpsertProjectResponse upsertProject(UpsertProjectRequest request) {
        RouterConfig.Crowd settings = config.crowd();
        return PeerCall.idempotent("crowd UpsertProject(" + request.getProject().getProjectId() + ")",
                settings.maxAttempts(), settings.retryDelay(),
                () -> crowd.withDeadlineAfter(settings.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .upsertProject(request));
    }

    public EnqueueResponse enqueue(EnqueueRequest request) {
        RouterConfig.Crowd settings = config.crowd();
        return PeerCall.idempotent("crowd Enqueue(" + request.getProjectId() + ", "
                        + request.getItemsCount() + " items)",
                settings.maxAttempts(), settings.retryDelay(),
                () -> crowd.withDeadlineAfter(settings.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .enqueue(request));
    }

    public RecordExpertVerdictResponse recordExpertVerdict(RecordExpertVerdictRequest request) {
        RouterConfig.Crowd settings = config.crowd();
        return PeerCall.idempotent("crowd RecordExpertVerdict(" + request.getProjectId() + ", "
                        + request.getItemId() + ", correction " + request.getCorrectionSequence() + ")",
                settings.maxAttempts(), settings.retryDelay(),
                () -> crowd.withDeadlineAfter(settings.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .recordExpertVerdict(request));
    }
}
