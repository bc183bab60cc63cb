package dev.centaur.router.grpc;

import dev.centaur.guard.Roles;
import dev.centaur.router.config.RouterConfig;
import dev.centaur.router.repository.FinalLabelCounts;
import dev.centaur.router.repository.ItemCounts;
import dev.centaur.router.service.CostAccounting;
import dev.centaur.router.service.CrowdResultRecorder;
import dev.centaur.router.service.CurveService;
import dev.centaur.router.service.GoldenItems;
import dev.centaur.router.service.FinalLabelEntity;
import dev.centaur.router.service.ItemSubmission;
import dev.centaur.router.service.LabelQueries;
import dev.centaur.router.v1.AddGoldenItemsRequest;
import dev.centaur.router.v1.AddGoldenItemsResponse;
import dev.centaur.router.v1.ExportGoldenItemsRequest;
import dev.centaur.router.v1.ExportGoldenItemsResponse;
import dev.centaur.router.v1.ExportLabelsRequest;
import dev.centaur.router.v1.ExportLabelsResponse;
import dev.centaur.router.v1.GetCostRequest;
import dev.centaur.router.v1.GetCostResponse;
import dev.centaur.router.v1.GetCurveRequest;
import dev.centaur.router.v1.GetCurveResponse;
import dev.centaur.router.v1.GetLabelsRequest;
import dev.centaur.router.v1.GetLabelsResponse;
import dev.centaur.router.v1.GetProgressRequest;
import dev.centaur.router.v1.GetProgressResponse;
import dev.centaur.router.v1.ReportCrowdResultRequest;
import dev.centaur.router.v1.ReportCrowdResultResponse;
import dev.centaur.router.v1.RouterServiceGrpc;
import dev.centaur.router.v1.SubmitItemsRequest;
import dev.centaur.router.v1.SubmitItemsResponse;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;

@GrpcService
public class RouterGrpcService extends RouterServiceGrpc.RouterServiceImplBase {

    /** router.proto, GetLabelsRequest.page_size: "1..1000; 0 means 100". */
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    @Inject
    RouterConfig config;

    @Inject
    ItemSubmission submission;

    @Inject
    LabelQueries labels;

    @Inject
    CrowdResultRecorder crowdResults;

    @Inject
    GoldenItems goldenItems;

    @Inject
    CurveService curves;

    @Inject
    CostAccounting costs;

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
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
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
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
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
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

    /** Every final label by item id, streamed with flow control (see {@link PagedStreams}). */
    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public void exportLabels(ExportLabelsRequest request, StreamObserver<ExportLabelsResponse> observer) {
        String projectId = request.getProjectId();
        PagedStreams.stream(observer, () -> Fields.id("project_id", projectId),
                (afterItemId, pageSize) -> labels.page(projectId, afterItemId, pageSize),
                config.labels().exportPageSize(), label -> label.itemId,
                label -> ExportLabelsResponse.newBuilder().setLabel(ProtoMapper.toProto(label)).build());
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.SERVICE)
    public void reportCrowdResult(ReportCrowdResultRequest request,
            StreamObserver<ReportCrowdResultResponse> observer) {
        UnaryCalls.answer(observer, () -> ReportCrowdResultResponse.newBuilder()
                .setRecorded(crowdResults.record(CrowdResultValidator.validated(request)))
                .build());
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    public void addGoldenItems(AddGoldenItemsRequest request, StreamObserver<AddGoldenItemsResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            String projectId = Fields.id("project_id", request.getProjectId());
            RouterConfig.Items limits = config.items();
            ItemValidator.validateGolden(request.getItemsList(), new ItemValidator.Limits(
                    limits.maxPerSubmit(), limits.maxTextLength(), limits.maxMetadataEntries()));
            GoldenItems.Outcome outcome = goldenItems.add(projectId,
                    request.getItemsList().stream().map(ProtoMapper::newGoldenItem).toList());
            return AddGoldenItemsResponse.newBuilder()
                    .setCreated(outcome.created())
                    .setDuplicates(outcome.duplicates())
                    .build();
        });
    }

    /** The training share of the golden items (and the held-out share if asked), by item id. */
    @Override
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    public void exportGoldenItems(ExportGoldenItemsRequest request,
            StreamObserver<ExportGoldenItemsResponse> observer) {
        String projectId = request.getProjectId();
        PagedStreams.stream(observer, () -> Fields.id("project_id", projectId),
                (afterItemId, pageSize) -> goldenItems.page(projectId, afterItemId, request.getIncludeHoldout(),
                        pageSize),
                config.labels().exportPageSize(), golden -> golden.itemId,
                golden -> ExportGoldenItemsResponse.newBuilder()
                        .setItem(ProtoMapper.toProto(golden))
                        .setHoldout(golden.holdout)
                        .build());
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public void getCurve(GetCurveRequest request, StreamObserver<GetCurveResponse> observer) {
        UnaryCalls.answer(observer, () ->
                CurveMapper.toProto(curves.report(Fields.id("project_id", request.getProjectId()))));
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public void getCost(GetCostRequest request, StreamObserver<GetCostResponse> observer) {
        UnaryCalls.answer(observer, () ->
                CurveMapper.toProto(costs.costOf(Fields.id("project_id", request.getProjectId()))));
    }
}
