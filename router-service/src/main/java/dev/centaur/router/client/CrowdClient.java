package dev.centaur.router.client;

import dev.centaur.crowd.v1.CrowdServiceGrpc.CrowdServiceBlockingStub;
import dev.centaur.crowd.v1.EnqueueRequest;
import dev.centaur.crowd.v1.EnqueueResponse;
import dev.centaur.crowd.v1.UpsertProjectRequest;
import dev.centaur.crowd.v1.UpsertProjectResponse;
import dev.centaur.router.config.RouterConfig;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/** crowd-service, as router uses it. Both calls are idempotent, so both are retried. */
@ApplicationScoped
public class CrowdClient {

    @GrpcClient("crowd")
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
}
