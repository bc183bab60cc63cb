package dev.centaur.router.fakes;

import dev.centaur.common.v1.ItemContent;
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
 * distribution. Models are registered per name, with their own label order.
 */
public class FakeInference extends InferenceServiceGrpc.InferenceServiceImplBase {

    record Model(String version, List<String> labels) {
    }

    private final Map<String, Model> models = new ConcurrentHashMap<>();
    private final Map<String, Status> failures = new ConcurrentHashMap<>();
    private final List<PredictRequest> calls = new CopyOnWriteArrayList<>();

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
}
