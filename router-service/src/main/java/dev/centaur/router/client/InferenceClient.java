package dev.centaur.router.client;

import dev.centaur.inference.v1.FineTuneRequest;
import dev.centaur.inference.v1.FineTuneResponse;
import dev.centaur.inference.v1.GetJobRequest;
import dev.centaur.inference.v1.GetJobResponse;
import dev.centaur.inference.v1.InferenceServiceGrpc.InferenceServiceBlockingStub;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.PredictResponse;
import dev.centaur.router.config.RouterConfig;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/** inference-service, as router uses it. */
@ApplicationScoped
public class InferenceClient {

    @GrpcClient("inference")
    @RegisterClientInterceptor(ServiceTokenInterceptor.class)
    InferenceServiceBlockingStub inference;

    @Inject
    RouterConfig config;

    /** Distributions for a batch; Predict only reads, so an unavailable peer is retried. */
    public PredictResponse predict(PredictRequest request) {
        RouterConfig.Inference settings = config.inference();
        return PeerCall.idempotent("inference Predict(" + request.getModelName() + ")",
                settings.maxAttempts(), settings.retryDelay(),
                () -> inference.withDeadlineAfter(settings.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .predict(request));
    }

    /** Starts a fine-tuning job; FineTune is idempotent on its request_id, so it is retried too. */
    public FineTuneResponse fineTune(FineTuneRequest request) {
        RouterConfig.Inference settings = config.inference();
        return PeerCall.idempotent("inference FineTune(" + request.getModelName() + ", " + request.getRequestId() + ")",
                settings.maxAttempts(), settings.retryDelay(),
                () -> inference.withDeadlineAfter(settings.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .fineTune(request));
    }

    public GetJobResponse getJob(GetJobRequest request) {
        RouterConfig.Inference settings = config.inference();
        return PeerCall.idempotent("inference GetJob(" + request.getJobId() + ")",
                settings.maxAttempts(), settings.retryDelay(),
                () -> inference.withDeadlineAfter(settings.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .getJob(request));
    }
}
