package dev.centaur.inference.grpc;

import dev.centaur.inference.service.ModelVersionInfo;
import dev.centaur.inference.service.PredictionResult;
import dev.centaur.inference.v1.ModelVersion;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.PredictResponse;
import dev.centaur.inference.v1.Prediction;

/** Service results to protobuf messages. */
final class ProtoMapper {

    private ProtoMapper() {
    }

    static ModelVersion modelVersion(ModelVersionInfo version) {
        return ModelVersion.newBuilder()
                .setVersionId(version.id().toString())
                .setModelName(version.modelName())
                .setKind(version.kind())
                .addAllLabels(version.labels())
                .setHeldoutAccuracy(version.heldoutAccuracy())
                .setTrainExamples(version.trainExamples())
                .setHeldoutExamples(version.heldoutExamples())
                .setActive(version.active())
                .setCreatedAtEpochMs(version.createdAt().toEpochMilli())
                .setTemperature(version.temperature())
                .setHeldoutEceUncalibrated(version.heldoutEceUncalibrated())
                .setHeldoutEce(version.heldoutEce())
                .setHeldoutLogLossUncalibrated(version.heldoutLogLossUncalibrated())
                .setHeldoutLogLoss(version.heldoutLogLoss())
                .setTrainingMillis(version.trainingMillis())
                .build();
    }

    static PredictResponse predictResponse(PredictRequest request, PredictionResult result) {
        PredictResponse.Builder response = PredictResponse.newBuilder()
                .setVersionId(result.versionId().toString())
                .addAllLabels(result.labels());
        for (int i = 0; i < result.probabilities().length; i++) {
            Prediction.Builder prediction = Prediction.newBuilder().setItemId(request.getItems(i).getItemId());
            for (double probability : result.probabilities()[i]) {
                prediction.addProbabilities(probability);
            }
            response.addPredictions(prediction);
        }
        return response.build();
    }
}
