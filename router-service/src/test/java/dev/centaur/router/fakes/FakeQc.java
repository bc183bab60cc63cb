package dev.centaur.router.fakes;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.v1.Correction;
import dev.centaur.qc.v1.ListCorrectionsRequest;
import dev.centaur.qc.v1.ListCorrectionsResponse;
import dev.centaur.qc.v1.ListVerdictsRequest;
import dev.centaur.qc.v1.ListVerdictsResponse;
import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.qc.v1.OfferResponse;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.qc.v1.QcServiceGrpc;
import dev.centaur.qc.v1.Verdict;
import dev.centaur.qc.v1.VerdictResult;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A qc peer that records every offer (idempotent per (project, item) like the real one) and serves
 * the corrections and verdicts a test adds, numbered per project, page by page like the real
 * ListCorrections and ListVerdicts.
 */
public class FakeQc extends QcServiceGrpc.QcServiceImplBase {

    private final List<OfferRequest> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, OfferedLabel>> offered = new ConcurrentHashMap<>();
    private final Map<String, Status> failures = new ConcurrentHashMap<>();
    private final Map<String, List<Correction>> corrections = new ConcurrentHashMap<>();
    private final List<ListCorrectionsRequest> correctionReads = new CopyOnWriteArrayList<>();
    private final Map<String, List<Verdict>> verdicts = new ConcurrentHashMap<>();
    private final List<ListVerdictsRequest> verdictReads = new CopyOnWriteArrayList<>();

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

    /** The experts' verdict on an offered label: numbered after the project's earlier corrections. */
    public synchronized void addCorrection(String projectId, String itemId, String finalLabel, String correctedLabel,
            int reviews) {
        List<Correction> ofProject = corrections.computeIfAbsent(projectId, id -> new CopyOnWriteArrayList<>());
        ofProject.add(Correction.newBuilder()
                .setSequence(ofProject.size() + 1)
                .setProjectId(projectId)
                .setItemId(itemId)
                .setFinalLabel(finalLabel)
                .setCorrectedLabel(correctedLabel)
                .setReviews(reviews)
                .setCorrectedAtEpochMs(System.currentTimeMillis())
                .build());
    }

    /** Several corrections at once: no read sees only some of them. */
    public synchronized void addCorrections(String projectId, List<String> itemIds, String finalLabel,
            String correctedLabel) {
        itemIds.forEach(itemId -> addCorrection(projectId, itemId, finalLabel, correctedLabel, 1));
    }

    public List<ListCorrectionsRequest> correctionReadsFor(String projectId) {
        return correctionReads.stream().filter(read -> read.getProjectId().equals(projectId)).toList();
    }

    @Override
    public synchronized void listCorrections(ListCorrectionsRequest request, StreamObserver<ListCorrectionsResponse> observer) {
        String projectId = request.getProjectId();
        if (!offered.containsKey(projectId) && !corrections.containsKey(projectId)) {
            observer.onError(Status.NOT_FOUND.withDescription("project_id '" + projectId + "' not found")
                    .asRuntimeException());
            return;
        }
        correctionReads.add(request);
        List<Correction> after = corrections.getOrDefault(projectId, List.of()).stream()
                .filter(correction -> correction.getSequence() > request.getAfter()).toList();
        List<Correction> page = after.stream().limit(request.getPageSize()).toList();
        observer.onNext(ListCorrectionsResponse.newBuilder()
                .addAllCorrections(page)
                .setNextAfter(page.isEmpty() ? request.getAfter() : page.get(page.size() - 1).getSequence())
                .setHasMore(after.size() > page.size())
                .build());
        observer.onCompleted();
    }

    /**
     * The experts' decided verdict on an offered label, numbered after the project's earlier ones:
     * CONFIRMED when the expert label is the final label, else CORRECTED (add the correction too).
     */
    public synchronized void addVerdict(String projectId, String itemId, String finalLabel, LabelSource source,
            String expertLabel, int reviews) {
        List<Verdict> ofProject = verdicts.computeIfAbsent(projectId, id -> new CopyOnWriteArrayList<>());
        ofProject.add(Verdict.newBuilder()
                .setSequence(ofProject.size() + 1)
                .setProjectId(projectId)
                .setItemId(itemId)
                .setFinalLabel(finalLabel)
                .setSource(source)
                .setExpertLabel(expertLabel)
                .setResult(finalLabel.equals(expertLabel) ? VerdictResult.VERDICT_RESULT_CONFIRMED
                        : VerdictResult.VERDICT_RESULT_CORRECTED)
                .setReviews(reviews)
                .setDecidedAtEpochMs(System.currentTimeMillis())
                .build());
    }

    public List<ListVerdictsRequest> verdictReadsFor(String projectId) {
        return verdictReads.stream().filter(read -> read.getProjectId().equals(projectId)).toList();
    }

    @Override
    public synchronized void listVerdicts(ListVerdictsRequest request, StreamObserver<ListVerdictsResponse> observer) {
        String projectId = request.getProjectId();
        if (!offered.containsKey(projectId) && !verdicts.containsKey(projectId)) {
            observer.onError(Status.NOT_FOUND.withDescription("project_id '" + projectId + "' not found")
                    .asRuntimeException());
            return;
        }
        verdictReads.add(request);
        List<Verdict> after = verdicts.getOrDefault(projectId, List.of()).stream()
                .filter(verdict -> verdict.getSequence() > request.getAfter()).toList();
        List<Verdict> page = after.stream().limit(request.getPageSize()).toList();
        observer.onNext(ListVerdictsResponse.newBuilder()
                .addAllVerdicts(page)
                .setNextAfter(page.isEmpty() ? request.getAfter() : page.get(page.size() - 1).getSequence())
                .setHasMore(after.size() > page.size())
                .build());
        observer.onCompleted();
    }
}
