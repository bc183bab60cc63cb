package dev.centaur.router.fakes;

import dev.centaur.crowd.v1.CrowdItem;
import dev.centaur.crowd.v1.CrowdProject;
import dev.centaur.crowd.v1.CrowdServiceGrpc;
import dev.centaur.crowd.v1.EnqueueRequest;
import dev.centaur.crowd.v1.EnqueueResponse;
import dev.centaur.crowd.v1.RecordExpertVerdictRequest;
import dev.centaur.crowd.v1.RecordExpertVerdictResponse;
import dev.centaur.crowd.v1.UpsertProjectRequest;
import dev.centaur.crowd.v1.UpsertProjectResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A crowd peer that records what router sends. Like the real one, it refuses to enqueue items of
 * a project it was not told about (NOT_FOUND) and counts a repeated item as a duplicate.
 */
public class FakeCrowd extends CrowdServiceGrpc.CrowdServiceImplBase {

    private final Map<String, CrowdProject> projects = new ConcurrentHashMap<>();
    private final Map<String, Map<String, CrowdItem>> pools = new ConcurrentHashMap<>();
    private final List<EnqueueRequest> enqueueCalls = new CopyOnWriteArrayList<>();
    private final List<String> enqueuesBeforeUpsert = new CopyOnWriteArrayList<>();
    private final List<RecordExpertVerdictRequest> verdictCalls = new CopyOnWriteArrayList<>();
    private final Map<String, Status> failures = new ConcurrentHashMap<>();

    public void failFor(String projectId, Status status) {
        failures.put(projectId, status);
    }

    public void recover(String projectId) {
        failures.remove(projectId);
    }

    /** Like a crowd whose database was reset: the project's settings are gone. */
    public void forget(String projectId) {
        projects.remove(projectId);
    }

    public CrowdProject project(String projectId) {
        return projects.get(projectId);
    }

    public Map<String, CrowdItem> pool(String projectId) {
        return pools.getOrDefault(projectId, Map.of());
    }

    public List<EnqueueRequest> enqueueCallsFor(String projectId) {
        return enqueueCalls.stream().filter(call -> call.getProjectId().equals(projectId)).toList();
    }

    /** Projects whose items arrived before their settings (router must never do that). */
    public List<String> enqueuesBeforeUpsert() {
        return enqueuesBeforeUpsert;
    }

    public List<RecordExpertVerdictRequest> verdictCallsFor(String projectId) {
        return verdictCalls.stream().filter(call -> call.getProjectId().equals(projectId)).toList();
    }

    @Override
    public void recordExpertVerdict(RecordExpertVerdictRequest request,
            StreamObserver<RecordExpertVerdictResponse> observer) {
        Status failure = failures.get(request.getProjectId());
        if (failure != null) {
            observer.onError(failure.asRuntimeException());
            return;
        }
        verdictCalls.add(request);
        observer.onNext(RecordExpertVerdictResponse.newBuilder().build());
        observer.onCompleted();
    }

    @Override
    public void upsertProject(UpsertProjectRequest request, StreamObserver<UpsertProjectResponse> observer) {
        Status failure = failures.get(request.getProject().getProjectId());
        if (failure != null) {
            observer.onError(failure.asRuntimeException());
            return;
        }
        projects.put(request.getProject().getProjectId(), request.getProject());
        observer.onNext(UpsertProjectResponse.newBuilder().setProject(request.getProject()).build());
        observer.onCompleted();
    }

    @Override
    public void enqueue(EnqueueRequest request, StreamObserver<EnqueueResponse> observer) {
        Status failure = failures.get(request.getProjectId());
        if (failure != null) {
            observer.onError(failure.asRuntimeException());
            return;
        }
        enqueueCalls.add(request);
        if (!projects.containsKey(request.getProjectId())) {
            enqueuesBeforeUpsert.add(request.getProjectId());
            observer.onError(Status.NOT_FOUND.withDescription("project " + request.getProjectId()).asRuntimeException());
            return;
        }
        Map<String, CrowdItem> pool = pools.computeIfAbsent(request.getProjectId(), id -> new ConcurrentHashMap<>());
        int enqueued = 0;
        for (CrowdItem item : request.getItemsList()) {
            if (pool.putIfAbsent(item.getItemId(), item) == null) {
                enqueued++;
            }
        }
        observer.onNext(EnqueueResponse.newBuilder()
                .setEnqueued(enqueued)
                .setDuplicates(request.getItemsCount() - enqueued)
                .build());
        observer.onCompleted();
    }
}
