package dev.centaur.crowd.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.crowd.v1.CrowdItem;
import dev.centaur.crowd.v1.CrowdProject;
import dev.centaur.crowd.v1.CrowdServiceGrpc;
import dev.centaur.crowd.v1.EnqueueRequest;
import dev.centaur.crowd.v1.NextTaskRequest;
import dev.centaur.crowd.v1.RegisterAnnotatorRequest;
import dev.centaur.crowd.v1.RegisterAnnotatorResponse;
import dev.centaur.crowd.v1.SubmitAnswerRequest;
import dev.centaur.crowd.v1.SubmitAnswerResponse;
import dev.centaur.crowd.v1.Task;
import dev.centaur.crowd.v1.UpsertProjectRequest;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.function.Executable;

/** Shared helpers of the @QuarkusTest classes: fresh ids, set-up calls, status assertions. */
public abstract class CrowdTestSupport {

    /** How long tests wait for the evaluation worker, which runs once a second. */
    protected static final Duration EVALUATION_TIMEOUT = Duration.ofSeconds(20);

    @GrpcClient("crowd")
    protected CrowdServiceGrpc.CrowdServiceBlockingStub crowd;

    @Inject
    protected CrowdDb db;

    /** An annotator registered for a test, with a stub that sends their token. */
    public record TestAnnotator(String annotatorId, String token, CrowdServiceGrpc.CrowdServiceBlockingStub stub) {

        public Task nextTask(String projectId, String... onlyItemIds) {
            var response = stub.nextTask(NextTaskRequest.newBuilder().setProjectId(projectId)
                    .addAllOnlyItemIds(Arrays.asList(onlyItemIds)).build());
            return response.hasTask() ? response.getTask() : null;
        }

        public SubmitAnswerResponse answer(String assignmentId, String label) {
            return stub.submitAnswer(SubmitAnswerRequest.newBuilder().setAssignmentId(assignmentId).setLabel(label)
                    .build());
        }
    }

    /** A project id no other test run uses. */
    protected static String newProjectId() {
        return "t-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    protected CrowdProject upsertProject(String projectId, int overlap, String... labels) {
        return upsertProject(project(projectId, overlap, labels));
    }

    /** A project's settings with test instructions, to adjust before {@link #upsertProject(CrowdProject.Builder)}. */
    protected static CrowdProject.Builder project(String projectId, int overlap, String... labels) {
        return CrowdProject.newBuilder().setProjectId(projectId).addAllLabels(List.of(labels))
                .setInstructions("Pick the label").setOverlap(overlap);
    }

    protected CrowdProject upsertProject(CrowdProject.Builder project) {
        return crowd.upsertProject(UpsertProjectRequest.newBuilder().setProject(project).build()).getProject();
    }

    protected static CrowdItem textItem(String itemId) {
        return CrowdItem.newBuilder().setItemId(itemId)
                .setContent(ItemContent.newBuilder().setText("text of " + itemId)).build();
    }

    protected void enqueueTexts(String projectId, String... itemIds) {
        EnqueueRequest.Builder request = EnqueueRequest.newBuilder().setProjectId(projectId);
        for (String itemId : itemIds) {
            request.addItems(textItem(itemId));
        }
        assertEquals(itemIds.length, crowd.enqueue(request.build()).getEnqueued());
    }

    protected TestAnnotator registerAnnotator(String name) {
        RegisterAnnotatorResponse response = crowd.registerAnnotator(RegisterAnnotatorRequest.newBuilder()
                .setName(name).build());
        return new TestAnnotator(response.getAnnotator().getAnnotatorId(), response.getToken(),
                withAuthorization(crowd, "Bearer " + response.getToken()));
    }

    protected static CrowdServiceGrpc.CrowdServiceBlockingStub withAuthorization(
            CrowdServiceGrpc.CrowdServiceBlockingStub stub, String authorization) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), authorization);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** Asserts the call fails with the code and a description containing every fragment. */
    protected static StatusRuntimeException assertRefused(Status.Code code, Executable call, String... fragments) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, failure.getStatus().getCode(), () -> "status of: " + failure.getStatus());
        String description = failure.getStatus().getDescription();
        for (String fragment : fragments) {
            assertTrue(description != null && description.contains(fragment),
                    () -> "description '" + description + "' lacks '" + fragment + "'");
        }
        return failure;
    }

    /**
     * Waits until the evaluation worker settled every due item of the project: items that got the
     * answers they want are then completed (reported through the outbox) or open for one more answer.
     */
    protected void awaitEvaluated(String projectId) {
        awaitTrue("the evaluation of project " + projectId + "'s due items", EVALUATION_TIMEOUT,
                () -> db.dueItems(projectId) == 0);
    }

    /** Polls until the condition holds, failing after the timeout. */
    protected static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }
}
