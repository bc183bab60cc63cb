package dev.centaur.router.grpc;

import dev.centaur.guard.Roles;
import dev.centaur.router.repository.FineTuneExampleRepository.Origin;
import dev.centaur.router.service.FineTuning;
import dev.centaur.router.service.PolicyService;
import dev.centaur.router.service.PolicySettings;
import dev.centaur.router.service.ProjectRegistry;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.CreateProjectResponse;
import dev.centaur.router.v1.GetFineTuneJobRequest;
import dev.centaur.router.v1.GetFineTuneJobResponse;
import dev.centaur.router.v1.GetPolicyHistoryRequest;
import dev.centaur.router.v1.GetPolicyHistoryResponse;
import dev.centaur.router.v1.GetProjectRequest;
import dev.centaur.router.v1.GetProjectResponse;
import dev.centaur.router.v1.ListProjectsRequest;
import dev.centaur.router.v1.ListProjectsResponse;
import dev.centaur.router.v1.ProjectServiceGrpc;
import dev.centaur.router.v1.RaiseThresholdRequest;
import dev.centaur.router.v1.RaiseThresholdResponse;
import dev.centaur.router.v1.SetPolicyRequest;
import dev.centaur.router.v1.SetPolicyResponse;
import dev.centaur.router.v1.StartFineTuneRequest;
import dev.centaur.router.v1.StartFineTuneResponse;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

@GrpcService
public class ProjectGrpcService extends ProjectServiceGrpc.ProjectServiceImplBase {

    @Inject
    ProjectRegistry registry;

    @Inject
    PolicyService policies;

    @Inject
    FineTuning fineTuning;

    /** Router prefixes the project id and a colon for inference, whose ids have 128 characters at most. */
    private static final Pattern FINE_TUNE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,63}");

    @Override
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    public void createProject(CreateProjectRequest request, StreamObserver<CreateProjectResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            ProjectValidator.validate(request.getProject());
            return CreateProjectResponse.newBuilder()
                    .setProject(ProtoMapper.toProto(registry.create(ProtoMapper.newProject(request.getProject()))))
                    .build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public void getProject(GetProjectRequest request, StreamObserver<GetProjectResponse> observer) {
        UnaryCalls.answer(observer, () -> GetProjectResponse.newBuilder()
                .setProject(ProtoMapper.toProto(registry.get(Fields.id("project_id", request.getProjectId()))))
                .build());
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public void listProjects(ListProjectsRequest request, StreamObserver<ListProjectsResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            ListProjectsResponse.Builder response = ListProjectsResponse.newBuilder();
            registry.list().forEach(project -> response.addProjects(ProtoMapper.toProto(project)));
            return response.build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    public void setPolicy(SetPolicyRequest request, StreamObserver<SetPolicyResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            String projectId = Fields.id("project_id", request.getProjectId());
            if (!request.hasPolicy()) {
                throw Fields.invalid("policy", "is missing");
            }
            ProjectValidator.validatePolicy("policy", request.getPolicy());
            Fields.storable("reason", request.getReason());
            Fields.atMostCharacters("reason", request.getReason(), ProjectValidator.MAX_REASON_CHARACTERS);
            PolicyService.Outcome outcome = policies.setPolicy(projectId,
                    ProtoMapper.policySettings(request.getPolicy()), request.getReason());
            return SetPolicyResponse.newBuilder()
                    .setProject(ProtoMapper.toProto(outcome.project()))
                    .setChanged(outcome.changed())
                    .build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public void getPolicyHistory(GetPolicyHistoryRequest request, StreamObserver<GetPolicyHistoryResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            GetPolicyHistoryResponse.Builder response = GetPolicyHistoryResponse.newBuilder();
            policies.history(Fields.id("project_id", request.getProjectId()))
                    .forEach(change -> response.addChanges(ProtoMapper.toProto(change)));
            return response.build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    public void raiseThreshold(RaiseThresholdRequest request, StreamObserver<RaiseThresholdResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            String projectId = Fields.id("project_id", request.getProjectId());
            double minThreshold = request.getMinThreshold();
            if (!(minThreshold >= 0 && minThreshold <= 1)) {
                throw Fields.invalid("min_threshold", "must be in [0, 1], got " + minThreshold);
            }
            Fields.notBlank("evidence", request.getEvidence());
            Fields.atMostCharacters("evidence", request.getEvidence(), ProjectValidator.MAX_REASON_CHARACTERS);
            PolicyService.Outcome outcome = policies.raiseThreshold(projectId, minThreshold, request.getEvidence());
            return RaiseThresholdResponse.newBuilder()
                    .setRaised(outcome.changed())
                    .setPolicy(ProtoMapper.toProto(PolicySettings.of(outcome.project())))
                    .build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    public void startFineTune(StartFineTuneRequest request, StreamObserver<StartFineTuneResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            String projectId = Fields.id("project_id", request.getProjectId());
            if (!FINE_TUNE_REQUEST_ID.matcher(request.getRequestId()).matches()) {
                throw Fields.invalid("request_id", Fields.show(request.getRequestId()) + " must match "
                        + FINE_TUNE_REQUEST_ID.pattern());
            }
            double holdout = request.getHoldoutFraction();
            if (!(holdout >= 0 && holdout < 1)) {
                throw Fields.invalid("holdout_fraction", "must be in [0, 1), got " + holdout);
            }
            FineTuning.Started started = fineTuning.start(projectId, request.getRequestId(),
                    !request.getExcludeCrowdLabels(), holdout, request.getSeed(), request.getForce());
            return StartFineTuneResponse.newBuilder()
                    .setJob(started.job())
                    .setRepeated(started.repeated())
                    .setGoldenExamples(started.examples().get(Origin.GOLDEN))
                    .setExpertExamples(started.examples().get(Origin.EXPERT))
                    .setCrowdExamples(started.examples().get(Origin.CROWD))
                    .build();
        });
    }

    @Override
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public void getFineTuneJob(GetFineTuneJobRequest request, StreamObserver<GetFineTuneJobResponse> observer) {
        UnaryCalls.answer(observer, () -> GetFineTuneJobResponse.newBuilder()
                .setJob(fineTuning.job(Fields.id("project_id", request.getProjectId()),
                        Fields.id("job_id", request.getJobId())))
                .build());
    }
}
