package dev.centaur.inference.grpc;

import dev.centaur.guard.Roles;
import dev.centaur.inference.batching.BatchAggregator;
import dev.centaur.inference.config.InferenceConfig;
import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.service.ActivationService;
import dev.centaur.inference.service.FineTuneJobStore;
import dev.centaur.inference.service.FineTuneService;
import dev.centaur.inference.service.ModelCatalog;
import dev.centaur.inference.service.RegistrationService;
import dev.centaur.inference.service.ModelVersionInfo;
import dev.centaur.inference.service.PredictionResult;
import dev.centaur.inference.service.PredictionService;
import dev.centaur.inference.service.TrainingService;
import dev.centaur.inference.v1.ActivateRequest;
import dev.centaur.inference.v1.ActivateResponse;
import dev.centaur.inference.v1.FineTuneRequest;
import dev.centaur.inference.v1.FineTuneResponse;
import dev.centaur.inference.v1.GetJobRequest;
import dev.centaur.inference.v1.GetJobResponse;
import dev.centaur.inference.v1.InferenceServiceGrpc;
import dev.centaur.inference.v1.RegisterModelRequest;
import dev.centaur.inference.v1.RegisterModelResponse;
import dev.centaur.inference.v1.ListModelsRequest;
import dev.centaur.inference.v1.ListModelsResponse;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.PredictResponse;
import dev.centaur.inference.v1.PredictStreamRequest;
import dev.centaur.inference.v1.PredictStreamResponse;
import dev.centaur.inference.v1.RollbackRequest;
import dev.centaur.inference.v1.RollbackResponse;
import dev.centaur.inference.v1.TrainRequest;
import dev.centaur.inference.v1.TrainResponse;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * gRPC adapter of centaur.inference.v1.InferenceService: validate, map, call the service, map back.
 * StreamObserver style (not Mutiny) because PredictStream needs gRPC's manual flow control. Every
 * method names its roles (DESIGN.md, Roles; GrpcSecurityAnnotationsTest fails otherwise): router
 * (service) and admins predict and manage models; nobody else calls inference.
 */
@GrpcService
public class InferenceGrpcService extends InferenceServiceGrpc.InferenceServiceImplBase {

    private final RequestValidator validator;
    private final TrainingService training;
    private final PredictionService prediction;
    private final ModelCatalog catalog;
    private final ActivationService activation;
    private final int streamWindow;
    private final FineTuneService fineTunes;
    private final RegisterModelValidator registerValidator;
    private final RegistrationService registration;

    public InferenceGrpcService(RequestValidator validator, TrainingService training, PredictionService prediction,
            ModelCatalog catalog, ActivationService activation, InferenceConfig config, FineTuneService fineTunes,
            RegisterModelValidator registerValidator, RegistrationService registration) {
        this.fineTunes = fineTunes;
        this.registerValidator = registerValidator;
        this.registration = registration;
        this.validator = validator;
        this.training = training;
        this.prediction = prediction;
        this.catalog = catalog;
        this.activation = activation;
        this.streamWindow = config.limits().streamWindow();
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    public void train(TrainRequest request, StreamObserver<TrainResponse> response) {
        answer(response, () -> TrainResponse.newBuilder()
                .setModel(ProtoMapper.modelVersion(training.train(validator.train(request))))
                .build());
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    public void predict(PredictRequest request, StreamObserver<PredictResponse> response) {
        long deadline = callerDeadlineNanos();
        answer(response, () -> predict(request, deadline));
    }

    /**
     * Each message is predicted on a worker thread by {@link PredictStreamCall}. @Blocking only so
     * that the call starts on a worker: Quarkus checks @RolesAllowed of a StreamObserver-style method
     * synchronously, and resolving a token may wait for router, which the event loop must not.
     */
    @Override
    @Blocking
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    public StreamObserver<PredictStreamRequest> predictStream(StreamObserver<PredictStreamResponse> response) {
        long deadline = callerDeadlineNanos();
        return new PredictStreamCall((ServerCallStreamObserver<PredictStreamResponse>) response, streamWindow,
                Infrastructure.getDefaultWorkerPool(),
                request -> PredictStreamResponse.newBuilder()
                        .setPredict(predict(request.getPredict(), deadline))
                        .build());
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    public void listModels(ListModelsRequest request, StreamObserver<ListModelsResponse> response) {
        answer(response, () -> {
            ListModelsResponse.Builder models = ListModelsResponse.newBuilder();
            for (ModelVersionInfo version : catalog.list(validator.modelNameFilter(request.getModelName()))) {
                models.addModels(ProtoMapper.modelVersion(version));
            }
            return models.build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    public void activate(ActivateRequest request, StreamObserver<ActivateResponse> response) {
        answer(response, () -> ActivateResponse.newBuilder()
                .setModel(ProtoMapper.modelVersion(activation.activate(validator.requiredVersionId(request.getVersionId()))))
                .build());
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    public void rollback(RollbackRequest request, StreamObserver<RollbackResponse> response) {
        answer(response, () -> RollbackResponse.newBuilder()
                .setModel(ProtoMapper.modelVersion(activation.rollback(validator.modelName(request.getModelName()))))
                .build());
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    public void fineTune(FineTuneRequest request, StreamObserver<FineTuneResponse> response) {
        answer(response, () -> {
            FineTuneJobStore.Submitted submitted = fineTunes.submit(validator.fineTune(request));
            return FineTuneResponse.newBuilder()
                    .setJob(ProtoMapper.job(submitted.job()))
                    .setRepeated(submitted.repeated())
                    .build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    public void getJob(GetJobRequest request, StreamObserver<GetJobResponse> response) {
        answer(response, () -> GetJobResponse.newBuilder()
                .setJob(ProtoMapper.job(fineTunes.get(validator.jobId(request.getJobId()))))
                .build());
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    public void registerModel(RegisterModelRequest request, StreamObserver<RegisterModelResponse> response) {
        answer(response, () -> RegisterModelResponse.newBuilder()
                .setModel(ProtoMapper.modelVersion(registration.register(registerValidator.registerModel(request))))
                .build());
    }

    private PredictResponse predict(PredictRequest request, long deadlineNanos) {
        List<ItemText> items = validator.predictItems(request);
        PredictionResult result = prediction.predict(request.getModelName(),
                RequestValidator.optionalVersionId(request.getVersionId()), items, deadlineNanos);
        return ProtoMapper.predictResponse(request, result);
    }

    /** The caller's gRPC deadline in System.nanoTime() terms, so queued items past it are dropped. */
    private static long callerDeadlineNanos() {
        Deadline deadline = Context.current().getDeadline();
        return deadline == null ? BatchAggregator.NO_DEADLINE
                : System.nanoTime() + deadline.timeRemaining(TimeUnit.NANOSECONDS);
    }

    private static <T> void answer(StreamObserver<T> response, Supplier<T> handler) {
        T result;
        try {
            result = handler.get();
        } catch (RuntimeException e) {
            response.onError(StatusMapper.toStatusException(e));
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }
}
