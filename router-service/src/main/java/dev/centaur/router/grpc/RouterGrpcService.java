package dev.centaur.router.grpc;

import dev.centaur.router.config.RouterConfig;
import dev.centaur.router.repository.FinalLabelCounts;
import dev.centaur.router.repository.ItemCounts;
import dev.centaur.router.service.CrowdResultRecorder;
import dev.centaur.router.service.FinalLabelEntity;
import dev.centaur.router.service.ItemSubmission;
import dev.centaur.router.service.LabelQueries;
import dev.centaur.router.v1.ExportLabelsRequest;
import dev.centaur.router.v1.ExportLabelsResponse;
import dev.centaur.router.v1.GetLabelsRequest;
import dev.centaur.router.v1.GetLabelsResponse;
import dev.centaur.router.v1.GetProgressRequest;
import dev.centaur.router.v1.GetProgressResponse;
import dev.centaur.router.v1.ReportCrowdResultRequest;
import dev.centaur.router.v1.ReportCrowdResultResponse;
import dev.centaur.router.v1.RouterServiceGrpc;
import dev.centaur.router.v1.SubmitItemsRequest;
import dev.centaur.router.v1.SubmitItemsResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

@GrpcService
public class RouterGrpcService extends RouterServiceGrpc.RouterServiceImplBase {

    /** router.proto, GetLabelsRequest.page_size: "1..1000; 0 means 100". */
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    /** How often a stream blocked by flow control looks whether the client can take more. */
    private static final long READY_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    @Inject
    RouterConfig config;

    @Inject
    ItemSubmission submission;

    @Inject
    LabelQueries labels;

    @Inject
    CrowdResultRecorder crowdResults;

    @Override
    @Blocking
    public void submitItems(SubmitItemsRequest request, StreamObserver<SubmitItemsResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            String projectId = Fields.id("project_id", request.getProjectId());
            RouterConfig.Items limits = config.items();
            ItemValidator.validate(request.getItemsList(), new ItemValidator.Limits(
                    limits.maxPerSubmit(), limits.maxTextLength(), limits.maxMetadataEntries()));
            ItemSubmission.Outcome outcome = submission.submit(projectId,
                    request.getItemsList().stream().map(ProtoMapper::newItem).toList());
            return SubmitItemsResponse.newBuilder()
                    .setCreated(outcome.created())
                    .setDuplicates(outcome.duplicates())
                    .build();
        });
    }

    @Override
    @Blocking
    public void getProgress(GetProgressRequest request, StreamObserver<GetProgressResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            LabelQueries.Progress progress = labels.progress(Fields.id("project_id", request.getProjectId()));
            ItemCounts items = progress.items();
            FinalLabelCounts finalLabels = progress.finalLabels();
            GetProgressResponse.Builder response = GetProgressResponse.newBuilder()
                    .setItems(items.items())
                    .setAwaitingModel(items.awaitingModel())
                    .setWithCrowd(items.withCrowd())
                    .setLabeled(finalLabels.labeled())
                    .setCrowdAnswers(finalLabels.crowdAnswers())
                    .setOfferedToQc(finalLabels.offeredToQc())
                    .setModelPredictions(items.modelPredictions());
            finalLabels.bySource().forEach((source, count) -> response.putLabeledBySource(source.name(), count));
            return response.build();
        });
    }

    @Override
    @Blocking
    public void getLabels(GetLabelsRequest request, StreamObserver<GetLabelsResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            String projectId = Fields.id("project_id", request.getProjectId());
            Fields.storable("after_item_id", request.getAfterItemId());
            int pageSize = request.getPageSize() == 0 ? DEFAULT_PAGE_SIZE : request.getPageSize();
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw Fields.invalid("page_size", "must be in [1, " + MAX_PAGE_SIZE + "] (0 means "
                        + DEFAULT_PAGE_SIZE + "), got " + request.getPageSize());
            }
            // One more than asked tells whether there is a next page.
            List<FinalLabelEntity> page = labels.page(projectId, request.getAfterItemId(), pageSize + 1);
            GetLabelsResponse.Builder response = GetLabelsResponse.newBuilder();
            page.stream().limit(pageSize).forEach(label -> response.addLabels(ProtoMapper.toProto(label)));
            if (page.size() > pageSize) {
                response.setNextAfterItemId(page.get(pageSize - 1).itemId);
            }
            return response.build();
        });
    }

    /**
     * Streams every final label by item id, reading a page at a time, sending only while the client
     * takes them (flow control), and stopping when the client cancels or its deadline passes.
     */
    @Override
    @Blocking
    public void exportLabels(ExportLabelsRequest request, StreamObserver<ExportLabelsResponse> responseObserver) {
        ServerCallStreamObserver<ExportLabelsResponse> observer =
                (ServerCallStreamObserver<ExportLabelsResponse>) responseObserver;
        try {
            String projectId = Fields.id("project_id", request.getProjectId());
            int pageSize = config.labels().exportPageSize();
            String afterItemId = "";
            while (true) {
                List<FinalLabelEntity> page = labels.page(projectId, afterItemId, pageSize);
                for (FinalLabelEntity label : page) {
                    if (!awaitReady(observer)) {
                        return;
                    }
                    observer.onNext(ExportLabelsResponse.newBuilder().setLabel(ProtoMapper.toProto(label)).build());
                }
                if (page.size() < pageSize) {
                    break;
                }
                afterItemId = page.get(page.size() - 1).itemId;
            }
            observer.onCompleted();
        } catch (RuntimeException e) {
            if (!observer.isCancelled()) {
                observer.onError(StatusMapper.toStatusException(e));
            }
        }
    }

    @Override
    @Blocking
    public void reportCrowdResult(ReportCrowdResultRequest request,
            StreamObserver<ReportCrowdResultResponse> observer) {
        UnaryCalls.answer(observer, () -> ReportCrowdResultResponse.newBuilder()
                .setRecorded(crowdResults.record(CrowdResultValidator.validated(request)))
                .build());
    }

    /**
     * Waits until the transport can take another message. The ready events are queued behind this
     * blocking call, so the state is polled instead of awaited.
     *
     * @return false when the call was cancelled (by the client or its deadline)
     */
    private static boolean awaitReady(ServerCallStreamObserver<?> observer) {
        while (!observer.isReady()) {
            if (observer.isCancelled()) {
                return false;
            }
            LockSupport.parkNanos(READY_POLL_NANOS);
        }
        return !observer.isCancelled();
    }
}
