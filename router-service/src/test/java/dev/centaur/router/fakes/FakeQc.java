package dev.centaur.router.fakes;

import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.qc.v1.OfferResponse;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.qc.v1.QcServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A qc peer that records every offer; idempotent per (project, item) like the real one. */
public class FakeQc extends QcServiceGrpc.QcServiceImplBase {

    private final List<OfferRequest> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, OfferedLabel>> offered = new ConcurrentHashMap<>();
    private final Map<String, Status> failures = new ConcurrentHashMap<>();

    public void failFor(String projectId, Status status) {
        failures.put(projectId, status);
    }

    public void recover(String projectId) {
        failures.remove(projectId);
    }

    public List<OfferRequest> callsFor(String projectId) {
        return calls.stream().filter(call -> call.getProjectId().equals(projectId)).toList();
    }

    public Map<String, OfferedLabel> offered(String projectId) {
        return offered.getOrDefault(projectId, Map.of());
    }

    @Override
    public void offer(OfferRequest request, StreamObserver<OfferResponse> observer) {
        Status failure = failures.get(request.getProjectId());
        if (failure != null) {
            observer.onError(failure.asRuntimeException());
            return;
        }
        calls.add(request);
        Map<String, OfferedLabel> labels = offered.computeIfAbsent(request.getProjectId(),
                id -> new ConcurrentHashMap<>());
        int received = 0;
        for (OfferedLabel label : request.getLabelsOfferedList()) {
            if (labels.putIfAbsent(label.getItemId(), label) == null) {
                received++;
            }
        }
        observer.onNext(OfferResponse.newBuilder()
                .setReceived(received)
                .setDuplicates(request.getLabelsOfferedCount() - received)
                .build());
        observer.onCompleted();
    }
}
