package dev.centaur.router.client;

import dev.centaur.qc.v1.ListCorrectionsRequest;
import dev.centaur.qc.v1.ListCorrectionsResponse;
import dev.centaur.qc.v1.ListVerdictsRequest;
import dev.centaur.qc.v1.ListVerdictsResponse;
import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.qc.v1.OfferResponse;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import dev.centaur.router.config.RouterConfig;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/**
 * qc-service, as router uses it. Offer is idempotent per (project, item); ListCorrections and
 * ListVerdicts only read: all are retried.
 */
@ApplicationScoped
public class QcClient {

    @GrpcClient("qc")
    @RegisterClientInterceptor(ServiceTokenInterceptor.class)
    QcServiceBlockingStub qc;

    @Inject
    RouterConfig config;

    public OfferResponse offer(OfferRequest request) {
        RouterConfig.Qc settings = config.qc();
        return PeerCall.idempotent("qc Offer(" + request.getProjectId() + ", "
                        + request.getLabelsOfferedCount() + " labels)",
                settings.maxAttempts(), settings.retryDelay(),
                () -> qc.withDeadlineAfter(settings.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .offer(request));
    }

    public ListCorrectionsResponse listCorrections(ListCorrectionsRequest request) {
        RouterConfig.Qc settings = config.qc();
        return PeerCall.idempotent("qc ListCorrections(" + request.getProjectId() + ", after "
                        + request.getAfter() + ")",
                settings.maxAttempts(), settings.retryDelay(),
                () -> qc.withDeadlineAfter(settings.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .listCorrections(request));
    }

    public ListVerdictsResponse listVerdicts(ListVerdictsRequest request) {
        RouterConfig.Qc settings = config.qc();
        return PeerCall.idempotent("qc ListVerdicts(" + request.getProjectId() + ", after "
                        + request.getAfter() + ")",
                settings.maxAttempts(), settings.retryDelay(),
                () -> qc.withDeadlineAfter(settings.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .listVerdicts(request));
    }
}
