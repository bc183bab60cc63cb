package dev.centaur.qc.client;

import dev.centaur.qc.config.QcConfig;
import dev.centaur.router.v1.ProjectServiceGrpc.ProjectServiceBlockingStub;
import dev.centaur.router.v1.RaiseThresholdRequest;
import dev.centaur.router.v1.RaiseThresholdResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * router-service, as qc uses it, with the service token on every call. Each attempt has its own
 * deadline; RaiseThreshold is idempotent (router keeps the higher floor), so it is tried again while
 * router is UNAVAILABLE, up to the configured attempts.
 */
@ApplicationScoped
public class RouterClient {

    private static final Logger LOG = Logger.getLogger(RouterClient.class);

    @GrpcClient("router")
    @RegisterClientInterceptor(ServiceTokenInterceptor.class)
    ProjectServiceBlockingStub projects;

    private final QcConfig.Router settings;

    RouterClient(QcConfig config) {
        this.settings = config.router();
    }

    /** Whether router raised anything; a final failure is a {@link RouterCallException}. */
    public boolean raiseThreshold(RaiseThresholdRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                RaiseThresholdResponse response = projects
                        .withDeadlineAfter(settings.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .raiseThreshold(request);
                return response.getRaised();
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || attempt >= settings.maxAttempts()) {
                    throw new RouterCallException("router RaiseThreshold(" + request.getProjectId() + ", "
                            + request.getMinThreshold() + ") failed: " + e.getStatus(), e);
                }
                LOG.debugf("router RaiseThreshold: attempt %d of %d unavailable, retrying", attempt,
                        settings.maxAttempts());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(settings.retryDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RouterCallException("interrupted while retrying RaiseThreshold", e);
        }
    }
}
