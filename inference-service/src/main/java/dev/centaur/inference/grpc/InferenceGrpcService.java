package dev.centaur.inference.grpc;

import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.service.ActivationService;
import dev.centaur.inference.service.ModelCatalog;
import dev.centaur.inference.service.ModelVersionInfo;
import dev.centaur.inference.service.PredictionResult;
import dev.centaur.inference.service.PredictionService;
import dev.centaur.inference.service.TrainingService;
import dev.centaur.inference.v1.ActivateRequest;
import dev.centaur.inference.v1.ActivateResponse;
import dev.centaur.inference.v1.InferenceService;
import dev.centaur.inference.v1.ListModelsRequest;
import dev.centaur.inference.v1.ListModelsResponse;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.PredictResponse;
import dev.centaur.inference.v1.TrainRequest;
import dev.centaur.inference.v1.TrainResponse;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Supplier;

/** gRPC adapter of centaur.inference.v1.InferenceService: validate, map, call the service, map back. */
@GrpcService
public class InferenceGrpcService implements InferenceService {

    private final RequestValidator validator;
    private final TrainingService training;
    private final PredictionService prediction;
    private final ModelCatalog catalog;
    private final ActivationService activation;

    public InferenceGrpcService(RequestValidator validator, TrainingService training, PredictionService prediction,
            ModelCatalog catalog, ActivationService activation) {
        this.validator = validator;
        this.training = training;
        this.prediction = prediction;
        this.catalog = catalog;
        this.activation = activation;
    }

    @Override
    @Blocking
    public Uni<TrainResponse> train(TrainRequest request) {
        return call(() -> TrainResponse.newBuilder()
                .setModel(ProtoMapper.modelVersion(training.train(validator.train(request))))
                .build());
    }

    @Override
    @Blocking
    public Uni<PredictResponse> predict(PredictRequest request) {
        return call(() -> {
            List<ItemText> items = validator.predictItems(request);
            PredictionResult result = prediction.predict(request.getModelName(),
                    RequestValidator.optionalVersionId(request.getVersionId()), items);
            return ProtoMapper.predictResponse(request, result);
        });
    }

    @Override
    @Blocking
    public Uni<ListModelsResponse> listModels(ListModelsRequest request) {
        return call(() -> {
            ListModelsResponse.Builder response = ListModelsResponse.newBuilder();
            for (ModelVersionInfo version : catalog.list(validator.modelNameFilter(request.getModelName()))) {
                response.addModels(ProtoMapper.modelVersion(version));
            }
            return response.build();
        });
    }

    @Override
    @Blocking
    public Uni<ActivateResponse> activate(ActivateRequest request) {
        return call(() -> ActivateResponse.newBuilder()
                .setModel(ProtoMapper.modelVersion(activation.activate(validator.requiredVersionId(request.getVersionId()))))
                .build());
    }

    private static <T> Uni<T> call(Supplier<T> handler) {
        return Uni.createFrom().item(handler).onFailure().transform(StatusMapper::toStatusException);
    }
}
