package dev.centaur.inference.grpc;

import dev.centaur.inference.service.JobInfo;
import dev.centaur.inference.service.ModelVersionInfo;
import dev.centaur.inference.service.VersionKind;
import dev.centaur.inference.v1.Job;
import dev.centaur.inference.v1.JobState;
import dev.centaur.inference.v1.ModelKind;
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
        ModelVersion.Builder model = ModelVersion.newBuilder()
                .setVersionId(version.id().toString())
                .setModelName(version.modelName())
                .setKind(version.kind().name())
                .setModelKind(modelKind(version.kind()))
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
                .setTrainingMillis(version.trainingMillis());
        KindSettings.describe(version, model);
        return model.build();
    }

    static ModelKind modelKind(VersionKind kind) {
        return switch (kind) {
            case BUILTIN -> ModelKind.MODEL_KIND_BUILT_IN;
            case TORCHSCRIPT -> ModelKind.MODEL_KIND_TORCHSCRIPT;
            case REMOTE_LLM -> ModelKind.MODEL_KIND_REMOTE_LLM;
        };
    }

    static Job job(JobInfo job) {
        Job.Builder proto = Job.newBuilder()
                .setJobId(job.id().toString())
                .setRequestId(job.requestId())
                .setModelName(job.modelName())
                .setState(switch (job.state()) {
                    case QUEUED -> JobState.JOB_STATE_QUEUED;
                    case RUNNING -> JobState.JOB_STATE_RUNNING;
                    case SUCCEEDED -> JobState.JOB_STATE_SUCCEEDED;
                    case FAILED -> JobState.JOB_STATE_FAILED;
                })
                .setProgress(job.progress())
                .setMessage(job.message())
                .setActivated(job.activated())
                .setActivationReason(job.activationReason())
                .setHeldoutAccuracy(job.heldoutAccuracy())
                .setHeldoutExamples(job.heldoutExamples())
                .setComparedHeldoutAccuracy(job.comparedHeldoutAccuracy())
                .setForce(job.force())
                .setGoldenExamples(job.goldenExamples())
                .setExpertExamples(job.expertExamples())
                .setCrowdExamples(job.crowdExamples())
                .setCreatedAtEpochMs(job.createdAt().toEpochMilli());
        job.versionId().ifPresent(id -> proto.setVersionId(id.toString()));
        job.comparedVersionId().ifPresent(id -> proto.setComparedVersionId(id.toString()));
        job.startedAt().ifPresent(at -> proto.setStartedAtEpochMs(at.toEpochMilli()));
        job.finishedAt().ifPresent(at -> proto.setFinishedAtEpochMs(at.toEpochMilli()));
        return proto.build();
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
