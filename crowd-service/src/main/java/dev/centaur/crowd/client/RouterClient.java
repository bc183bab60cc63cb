package dev.centaur.crowd.client;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.crowd.config.CrowdConfig;
import dev.centaur.router.v1.ReportCrowdResultRequest;
import dev.centaur.router.v1.RouterServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Calls to router-service, each with the configured deadline and the services' own token. No
 * retry here: the outbox worker sends a row again in its next round, which router's idempotent
 * ReportCrowdResult makes harmless.
 */
@ApplicationScoped
public class RouterClient {

    /**
     * Statuses that say router (or the way to it) is down or slow, not that the report is wrong; and
     * router refusing crowd's service token, which every other report would meet too (the round
     * stops and the rows wait until the token is fixed).
     */
    private static final Set<Status.Code> TRANSIENT = EnumSet.of(Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED,
            Status.Code.CANCELLED, Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED);

    @GrpcClient("router")
    @RegisterClientInterceptor(ServiceTokenClientInterceptor.class)
    RouterServiceGrpc.RouterServiceBlockingStub router;

    @Inject
    CrowdConfig config;

    /**
     * Reports one aggregate. Router records it at most once, so a repeat after a lost response is
     * harmless.
     *
     * @throws RouterUnavailableException when router is down, slow or failing
     * @throws RouterRejectedException    when router refuses this report
     */
    public void reportCrowdResult(CrowdResultReport report) {
        ReportCrowdResultRequest request = ReportCrowdResultRequest.newBuilder()
                .setProjectId(report.projectId())
                .setItemId(report.itemId())
                .setLabel(report.label())
                .setConfidence(report.confidence())
                .setAnswersUsed(report.answersUsed())
                .setMethod(report.method())
                .setSource(LabelSource.valueOf("LABEL_SOURCE_" + report.source()))
                .build();
        try {
            router.withDeadlineAfter(config.report().deadline().toMillis(), TimeUnit.MILLISECONDS)
                    .reportCrowdResult(request);
        } catch (StatusRuntimeException e) {
            String description = "ReportCrowdResult for " + report.projectId() + "/" + report.itemId() + " failed: "
                    + e.getStatus().getCode() + " " + e.getStatus().getDescription();
            if (TRANSIENT.contains(e.getStatus().getCode())) {
                throw new RouterUnavailableException(description, e);
            }
            throw new RouterRejectedException(description, e);
        }
    }
}
