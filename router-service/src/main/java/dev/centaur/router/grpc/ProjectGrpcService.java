package dev.centaur.router.grpc;

import dev.centaur.router.service.ProjectRegistry;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.CreateProjectResponse;
import dev.centaur.router.v1.GetProjectRequest;
import dev.centaur.router.v1.GetProjectResponse;
import dev.centaur.router.v1.ListProjectsRequest;
import dev.centaur.router.v1.ListProjectsResponse;
import dev.centaur.router.v1.ProjectServiceGrpc;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;

@GrpcService
public class ProjectGrpcService extends ProjectServiceGrpc.ProjectServiceImplBase {

    @Inject
    ProjectRegistry registry;

    @Override
    @Blocking
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
    public void getProject(GetProjectRequest request, StreamObserver<GetProjectResponse> observer) {
        UnaryCalls.answer(observer, () -> GetProjectResponse.newBuilder()
                .setProject(ProtoMapper.toProto(registry.get(Fields.id("project_id", request.getProjectId()))))
                .build());
    }

    @Override
    @Blocking
    public void listProjects(ListProjectsRequest request, StreamObserver<ListProjectsResponse> observer) {
        UnaryCalls.answer(observer, () -> {
            ListProjectsResponse.Builder response = ListProjectsResponse.newBuilder();
            registry.list().forEach(project -> response.addProjects(ProtoMapper.toProto(project)));
            return response.build();
        });
    }
}
