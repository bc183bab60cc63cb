package dev.centaur.crowd.grpc;

import dev.centaur.crowd.service.Annotator;
import dev.centaur.crowd.service.ExpertVerdictService;
import dev.centaur.crowd.service.ExpertVerdictService.VerdictOutcome;
import dev.centaur.crowd.service.AnnotatorService;
import dev.centaur.crowd.service.AnnotatorService.Registration;
import dev.centaur.crowd.service.ItemService;
import dev.centaur.crowd.service.ItemService.EnqueueOutcome;
import dev.centaur.crowd.service.Project;
import dev.centaur.crowd.service.ProjectService;
import dev.centaur.crowd.service.TaskService;
import dev.centaur.crowd.service.TaskService.SubmitOutcome;
import dev.centaur.crowd.service.ItemService.UploadOutcome;
import dev.centaur.crowd.v1.ControlItem;
import dev.centaur.crowd.v1.CrowdProject;
import dev.centaur.crowd.v1.CrowdService;
import dev.centaur.crowd.v1.EnqueueRequest;
import dev.centaur.crowd.v1.EnqueueResponse;
import dev.centaur.crowd.v1.GetItemResultRequest;
import dev.centaur.crowd.v1.GetItemResultResponse;
import dev.centaur.crowd.v1.ListAnnotatorsRequest;
import dev.centaur.crowd.v1.ListAnnotatorsResponse;
import dev.centaur.crowd.v1.NextTaskRequest;
import dev.centaur.crowd.v1.NextTaskResponse;
import dev.centaur.crowd.v1.RecordExpertVerdictRequest;
import dev.centaur.crowd.v1.RecordExpertVerdictResponse;
import dev.centaur.crowd.v1.RegisterAnnotatorRequest;
import dev.centaur.crowd.v1.RegisterAnnotatorResponse;
import dev.centaur.crowd.v1.SubmitAnswerRequest;
import dev.centaur.crowd.v1.SubmitAnswerResponse;
import dev.centaur.crowd.v1.UploadControlItemsRequest;
import dev.centaur.crowd.v1.UploadControlItemsResponse;
import dev.centaur.crowd.v1.UpsertProjectRequest;
import dev.centaur.crowd.v1.UpsertProjectResponse;
import dev.centaur.crowd.security.Callers;
import dev.centaur.crowd.service.AnnotatorService.Revocation;
import dev.centaur.crowd.v1.RevokeAnnotatorRequest;
import dev.centaur.crowd.v1.RevokeAnnotatorResponse;
import dev.centaur.guard.Roles;
import io.quarkus.grpc.GrpcService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * The CrowdService RPCs: validate, map, call the service, map back. JDBC runs on worker threads.
 * Every method names the roles that may call it (DESIGN.md, Roles; the caller's token is resolved
 * by dev.centaur.crowd.security); the annotator RPCs act for the token's annotator only.
 */
@GrpcService
public class CrowdGrpcService implements CrowdService {

    @Inject
    RequestValidator validator;

    @Inject
    ProjectService projects;

    @Inject
    ItemService items;

    @Inject
    AnnotatorService annotators;

    @Inject
    TaskService tasks;

    @Inject
    ExpertVerdictService verdicts;

    @Inject
    SecurityIdentity identity;

    @Override
    @Blocking
    @RolesAllowed(Roles.SERVICE)
    public Uni<UpsertProjectResponse> upsertProject(UpsertProjectRequest request) {
        return respond(() -> {
            CrowdProject project = request.getProject();
            validator.upsertProject(project);
            Project saved = projects.upsert(ProtoMapper.toSettings(project));
            return UpsertProjectResponse.newBuilder().setProject(ProtoMapper.toProto(saved)).build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.SERVICE)
    public Uni<EnqueueResponse> enqueue(EnqueueRequest request) {
        return respond(() -> {
            validator.enqueue(request);
            EnqueueOutcome outcome = items.enqueue(request.getProjectId(),
                    request.getItemsList().stream().map(ProtoMapper::toNewItem).toList());
            return EnqueueResponse.newBuilder()
                    .setEnqueued(outcome.enqueued())
                    .setDuplicates(outcome.duplicates())
                    .build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    public Uni<RegisterAnnotatorResponse> registerAnnotator(RegisterAnnotatorRequest request) {
        return respond(() -> {
            validator.registerAnnotator(request);
            Registration registration = annotators.register(request.getName());
            return RegisterAnnotatorResponse.newBuilder()
                    .setAnnotator(ProtoMapper.toProto(registration.annotator(), 0))
                    .setToken(registration.token())
                    .build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    public Uni<ListAnnotatorsResponse> listAnnotators(ListAnnotatorsRequest request) {
        return respond(() -> ListAnnotatorsResponse.newBuilder()
                .addAllAnnotators(annotators.listWithAnswerCounts().stream().map(ProtoMapper::toProto).toList())
                .build());
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.ANNOTATOR)
    public Uni<NextTaskResponse> nextTask(NextTaskRequest request) {
        return respond(() -> {
            Annotator caller = currentAnnotator();
            validator.nextTask(request);
            NextTaskResponse.Builder response = NextTaskResponse.newBuilder();
            tasks.nextTask(caller, request.getProjectId(), request.getOnlyItemIdsList())
                    .ifPresent(task -> response.setTask(ProtoMapper.toProto(task)));
            return response.build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.ANNOTATOR)
    public Uni<SubmitAnswerResponse> submitAnswer(SubmitAnswerRequest request) {
        return respond(() -> {
            Annotator caller = currentAnnotator();
            validator.submitAnswer(request);
            SubmitOutcome outcome = tasks.submitAnswer(caller, request.getAssignmentId(), request.getLabel());
            // item_completed stays false: the evaluation worker aggregates the item after this answer commits.
            return SubmitAnswerResponse.newBuilder()
                    .setItemAnswers(Math.toIntExact(outcome.itemAnswers()))
                    .build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    public Uni<GetItemResultResponse> getItemResult(GetItemResultRequest request) {
        return respond(() -> {
            validator.getItemResult(request);
            return ProtoMapper.toProto(items.state(request.getProjectId(), request.getItemId()));
        });
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    public Uni<UploadControlItemsResponse> uploadControlItems(UploadControlItemsRequest request) {
        return respond(() -> {
            validator.uploadControlItems(request);
            UploadOutcome outcome = items.uploadControlItems(request.getProjectId(),
                    request.getItemsList().stream().map(ProtoMapper::toNewItem).toList(),
                    request.getItemsList().stream().map(ControlItem::getLabel).toList());
            return UploadControlItemsResponse.newBuilder()
                    .setUploaded(outcome.uploaded())
                    .setDuplicates(outcome.duplicates())
                    .build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.SERVICE)
    public Uni<RecordExpertVerdictResponse> recordExpertVerdict(RecordExpertVerdictRequest request) {
        return respond(() -> {
            validator.recordExpertVerdict(request);
            VerdictOutcome outcome = verdicts.record(request.getProjectId(), request.getItemId(),
                    request.getExpertLabel(), request.getCorrectionSequence());
            return RecordExpertVerdictResponse.newBuilder()
                    .setAnnotatorsScored(outcome.annotatorsScored())
                    .setDuplicate(outcome.duplicate())
                    .build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    public Uni<RevokeAnnotatorResponse> revokeAnnotator(RevokeAnnotatorRequest request) {
        return respond(() -> {
            validator.revokeAnnotator(request);
            Revocation revocation = annotators.revoke(request.getAnnotatorId());
            return RevokeAnnotatorResponse.newBuilder()
                    .setAnnotator(ProtoMapper.toProto(revocation.annotator(), revocation.answers()))
                    .setRevokedAtEpochMs(revocation.annotator().revokedAt.toEpochMilli())
                    .setTasksReleased(revocation.tasksReleased())
                    .setAlreadyRevoked(revocation.alreadyRevoked())
                    .build();
        });
    }

    /** The annotator whose token made this call: never one named in a request. */
    private Annotator currentAnnotator() {
        return annotators.requireActive(Callers.annotatorId(identity));
    }

    /** Runs the call on this worker thread and turns any failure into a gRPC status. */
    private static <T> Uni<T> respond(Supplier<T> call) {
        try {
            return Uni.createFrom().item(call.get());
        } catch (RuntimeException failure) {
            return Uni.createFrom().failure(StatusMapper.toStatus(failure));
        }
    }
}
