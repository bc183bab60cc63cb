package dev.centaur.crowd.support;

import dev.centaur.router.v1.ReportCrowdResultRequest;
import dev.centaur.router.v1.ReportCrowdResultResponse;
import dev.centaur.router.v1.RouterServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-test router: records every ReportCrowdResult, or fails them all while told to. */
public class RecordingRouter extends RouterServiceGrpc.RouterServiceImplBase {

    private final List<ReportCrowdResultRequest> reports = new CopyOnWriteArrayList<>();
    private final Set<String> recordedItems = ConcurrentHashMap.newKeySet();
    private final Map<String, Status> refusedProjects = new ConcurrentHashMap<>();
    private volatile Status failure;

    @Override
    public void reportCrowdResult(ReportCrowdResultRequest request,
            StreamObserver<ReportCrowdResultResponse> responseObserver) {
        Status failWith = failure != null ? failure : refusedProjects.get(request.getProjectId());
        if (failWith != null) {
            responseObserver.onError(failWith.asRuntimeException());
            return;
        }
        reports.add(request);
        boolean first = recordedItems.add(request.getProjectId() + "/" + request.getItemId());
        responseObserver.onNext(ReportCrowdResultResponse.newBuilder().setRecorded(first).build());
        responseObserver.onCompleted();
    }

    /** From now on every call fails with the status; null restores normal answers. */
    public void failWith(Status status) {
        failure = status;
    }

    /** Every report of this project fails with the status, as router does for a project it does not know. */
    public void refuseProject(String projectId, Status status) {
        refusedProjects.put(projectId, status);
    }

    public List<ReportCrowdResultRequest> reportsFor(String projectId) {
        return reports.stream().filter(report -> report.getProjectId().equals(projectId)).toList();
    }
}
