package dev.centaur.router;

import static dev.centaur.router.TestSupport.count;
import static dev.centaur.router.TestSupport.newProjectId;
import static dev.centaur.router.TestSupport.project;
import static dev.centaur.router.TestSupport.rows;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.GetProgressRequest;
import dev.centaur.router.v1.GetProgressResponse;
import dev.centaur.router.v1.ProjectServiceGrpc.ProjectServiceBlockingStub;
import dev.centaur.router.v1.ReportCrowdResultRequest;
import dev.centaur.router.v1.RouterServiceGrpc.RouterServiceBlockingStub;
import dev.centaur.router.v1.SubmitItemsRequest;
import dev.centaur.router.v1.SubmitItemsResponse;
import dev.centaur.router.v1.SubmittedItem;
import io.quarkus.grpc.GrpcClient;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import javax.sql.DataSource;

/** The calls the flow tests make over and over, through router's real gRPC port. */
@Singleton
public class RouterCalls {

    @GrpcClient("router")
    public RouterServiceBlockingStub router;

    @GrpcClient("router")
    public ProjectServiceBlockingStub projects;

    @Inject
    public DataSource dataSource;

    /** A new project with a fresh id (its model name is the id). */
    public String createProject(double threshold, String... labels) {
        String projectId = newProjectId();
        projects.createProject(CreateProjectRequest.newBuilder().setProject(project(projectId, threshold, labels))
                .build());
        return projectId;
    }

    public SubmitItemsResponse submit(String projectId, SubmittedItem... items) {
        return router.submitItems(SubmitItemsRequest.newBuilder()
                .setProjectId(projectId)
                .addAllItems(List.of(items))
                .build());
    }

    public boolean report(String projectId, String itemId, String label, double confidence, int answersUsed,
            LabelSource source) {
        return router.reportCrowdResult(ReportCrowdResultRequest.newBuilder()
                .setProjectId(projectId)
                .setItemId(itemId)
                .setLabel(label)
                .setConfidence(confidence)
                .setAnswersUsed(answersUsed)
                .setMethod("DS")
                .setSource(source)
                .build()).getRecorded();
    }

    public GetProgressResponse progress(String projectId) {
        return router.getProgress(GetProgressRequest.newBuilder().setProjectId(projectId).build());
    }

    public String status(String projectId, String itemId) {
        return rows(dataSource, "SELECT status FROM router.item WHERE project_id = ? AND item_id = ?",
                projectId, itemId).get(0).get(0);
    }

    public long itemsInStatus(String projectId, String status) {
        return count(dataSource, "SELECT count(*) FROM router.item WHERE project_id = ? AND status = ?",
                projectId, status);
    }

    public long finalLabels(String projectId) {
        return count(dataSource, "SELECT count(*) FROM router.final_label WHERE project_id = ?", projectId);
    }

    /** The final label row as text: label, source, confidence, model_version, answers_used, method. */
    public List<String> finalLabel(String projectId, String itemId) {
        List<List<String>> found = rows(dataSource, """
                SELECT label, source, confidence, model_version, answers_used, method
                FROM router.final_label WHERE project_id = ? AND item_id = ?""", projectId, itemId);
        return found.isEmpty() ? List.of() : found.get(0);
    }
}
