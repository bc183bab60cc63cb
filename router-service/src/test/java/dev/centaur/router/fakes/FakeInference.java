package dev.centaur.router.fakes;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.inference.v1.ExampleSource;
import dev.centaur.inference.v1.FineTuneRequest;
import dev.centaur.inference.v1.FineTuneResponse;
import dev.centaur.inference.v1.GetJobRequest;
import dev.centaur.inference.v1.GetJobResponse;
import dev.centaur.inference.v1.Job;
import dev.centaur.inference.v1.JobState;
import dev.centaur.inference.v1.LabeledExample;
import dev.centaur.inference.v1.InferenceServiceGrpc;
import dev.centaur.inference.v1.PredictItem;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.PredictResponse;
import dev.centaur.inference.v1.Prediction;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deterministic inference peer. A text (or text_a) of the form "label|p" gets probability p for
 * that label and the rest spread evenly over the other labels; any other text gets a uniform
 * distribution. Models are registered per name, with their own label order. FineTune queues a job
 * per request id like the real one (a repeat answers it, the same id with another request is
 * ALREADY_EXISTS) and GetJob reads it back; nothing is trained.
 */
public class FakeInference extends InferenceServiceGrpc.InferenceServiceImplBase {

    record Model(String version, List<String> labels) {
    }

    private final Map<String, Model> models = new ConcurrentHashMap<>();
    private final Map<String, Status> failures = new ConcurrentHashMap<>();
    private final List<PredictRequest> calls = new CopyOnWriteArrayList<>();
    private final List<FineTuneRequest> fineTuneCalls = new CopyOnWriteArrayList<>();
    private final Map<String, FineTuneRequest> fineTunesById = new ConcurrentHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public void registerModel(String modelName, String version, List<String> labels) {
        models.put(modelName, new Model(version, List.copyOf(labels)));
    }

    /** Every Predict for this model answers the status until {@link #recover}. */
    public void failFor(String modelName, Status status) {
        failures.put(modelName, status);
    }

    public void recover(String modelName) {
        failures.remove(modelName);
    }

    public List<PredictRequest> callsFor(String modelName) {
        return calls.stream().filter(call -> call.getModelName().equals(modelName)).toList();
    }

    @Override
    public void predict(PredictRequest request, StreamObserver<PredictResponse> observer) {
        calls.add(request);
        Status failure = failures.get(request.getModelName());
        if (failure != null) {
            observer.onError(failure.asRuntimeException());
            return;
        }
        Model model = models.get(request.getModelName());
        if (model == null) {
            observer.onError(Status.NOT_FOUND
                    .withDescription("model \"" + request.getModelName() + "\" does not exist").asRuntimeException());
            return;
        }
        PredictResponse.Builder response = PredictResponse.newBuilder()
                .setVersionId(model.version())
                .addAllLabels(model.labels());
        for (PredictItem item : request.getItemsList()) {
            Prediction.Builder prediction = Prediction.newBuilder().setItemId(item.getItemId());
            for (double p : distribution(model.labels(), item.getContent())) {
                prediction.addProbabilities(p);
            }
            response.addPredictions(prediction);
        }
        observer.onNext(response.build());
        observer.onCompleted();
    }

    static double[] distribution(List<String> labels, ItemContent content) {
        String text = content.getText().isEmpty() ? content.getTextA() : content.getText();
        String[] parts = text.split("\\|");
        double[] distribution = new double[labels.size()];
        int favourite = parts.length >= 2 ? labels.indexOf(parts[0]) : -1;
        if (favourite < 0) {
            java.util.Arrays.fill(distribution, 1.0 / labels.size());
            return distribution;
        }
        double p = Double.parseDouble(parts[1]);
        java.util.Arrays.fill(distribution, (1 - p) / (labels.size() - 1));
        distribution[favourite] = p;
        return distribution;
    }

    public List<FineTuneRequest> fineTuneCallsFor(String modelName) {
        return fineTuneCalls.stream().filter(call -> call.getModelName().equals(modelName)).toList();
    }

    @Override
    public synchronized void fineTune(FineTuneRequest request, StreamObserver<FineTuneResponse> observer) {
        fineTuneCalls.add(request);
        Status failure = failures.get(request.getModelName());
        if (failure != null) {
            observer.onError(failure.asRuntimeException());
            return;
        }
        FineTuneRequest earlier = fineTunesById.putIfAbsent(request.getRequestId(), request);
        if (earlier != null && !earlier.equals(request)) {
            observer.onError(Status.ALREADY_EXISTS.withDescription("request_id '" + request.getRequestId()
                    + "' was used for another request").asRuntimeException());
            return;
        }
        Job job = jobs.computeIfAbsent("job-" + request.getRequestId(), id -> Job.newBuilder()
                .setJobId(id)
                .setRequestId(request.getRequestId())
                .setModelName(request.getModelName())
                .setState(JobState.JOB_STATE_QUEUED)
                .setForce(request.getForce())
                .setGoldenExamples(count(request, ExampleSource.EXAMPLE_SOURCE_GOLDEN))
                .setExpertExamples(count(request, ExampleSource.EXAMPLE_SOURCE_EXPERT))
                .setCrowdExamples(count(request, ExampleSource.EXAMPLE_SOURCE_CROWD))
                .build());
        observer.onNext(FineTuneResponse.newBuilder().setJob(job).setRepeated(earlier != null).build());
        observer.onCompleted();
    }

    @Override
    public void getJob(GetJobRequest request, StreamObserver<GetJobResponse> observer) {
        Job job = jobs.get(request.getJobId());
        if (job == null) {
            observer.onError(Status.NOT_FOUND.withDescription("job '" + request.getJobId() + "' not found")
                    .asRuntimeException());
            return;
        }
        observer.onNext(GetJobResponse.newBuilder().setJob(job).build());
        observer.onCompleted();
    }

    private static int count(FineTuneRequest request, ExampleSource source) {
        return (int) request.getExamplesList().stream().map(LabeledExample::getSource).filter(source::equals).count();
    }
}
