package dev.centaur.cli.demo;

import dev.centaur.crowd.v1.Annotator;
import dev.centaur.crowd.v1.CrowdServiceGrpc;
import dev.centaur.crowd.v1.NextTaskRequest;
import dev.centaur.crowd.v1.NextTaskResponse;
import dev.centaur.crowd.v1.RegisterAnnotatorRequest;
import dev.centaur.crowd.v1.RegisterAnnotatorResponse;
import dev.centaur.crowd.v1.SubmitAnswerRequest;
import dev.centaur.crowd.v1.SubmitAnswerResponse;
import dev.centaur.crowd.v1.Task;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small in-test crowd-service: assigns each item to annotators who have not answered it until
 * it has {@code overlap} answers, honours only_item_ids, and identifies callers by bearer token.
 */
final class FakeCrowdService extends CrowdServiceGrpc.CrowdServiceImplBase {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> CALLER_TOKEN = Context.key("token");

    /** item id -> (annotator name -> label), ordered so assignment is predictable. */
    final Map<String, Map<String, String>> answers = new TreeMap<>();
    /** annotator name -> every only_item_ids list it sent. */
    final Map<String, List<List<String>>> onlyItemIdsSent = Collections.synchronizedMap(new HashMap<>());
    private final Map<String, String> namesByToken = new HashMap<>();
    private final Map<String, String[]> assignments = new HashMap<>();
    private final Map<String, Long> leaseEnds = new HashMap<>();
    private final java.util.Set<String> answered = new java.util.HashSet<>();
    private final int overlap;
    volatile long leaseMillis = 60_000;
    volatile int nextTaskCalls;
    volatile boolean refuseTokens;
    private Server server;

    FakeCrowdService(List<String> itemIds, int overlap) {
        itemIds.forEach(id -> answers.put(id, new HashMap<>()));
        this.overlap = overlap;
    }

    int start() throws IOException {
        ServerInterceptor readToken = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                String header = headers.get(AUTHORIZATION);
                String token = header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
                return Contexts.interceptCall(Context.current().withValue(CALLER_TOKEN, token), call, headers, next);
            }
        };
        server = NettyServerBuilder.forPort(0).addService(ServerInterceptors.intercept(this, readToken)).build().start();
        return server.getPort();
    }

    void stop() {
        server.shutdownNow();
    }

    synchronized Map<String, Map<String, String>> answersSnapshot() {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        answers.forEach((item, byAnnotator) -> copy.put(item, new HashMap<>(byAnnotator)));
        return copy;
    }

    @Override
    public synchronized void registerAnnotator(RegisterAnnotatorRequest request, StreamObserver<RegisterAnnotatorResponse> response) {
        String token = "token-" + namesByToken.size();
        namesByToken.put(token, request.getName());
        response.onNext(RegisterAnnotatorResponse.newBuilder().setToken(token)
                .setAnnotator(Annotator.newBuilder().setName(request.getName())).build());
        response.onCompleted();
    }

    @Override
    public synchronized void nextTask(NextTaskRequest request, StreamObserver<NextTaskResponse> response) {
        String annotator = caller(response);
        if (annotator == null) {
            return;
        }
        nextTaskCalls++;
        onlyItemIdsSent.computeIfAbsent(annotator, a -> new ArrayList<>()).add(List.copyOf(request.getOnlyItemIdsList()));
        long now = System.currentTimeMillis();
        // Like crowd-service: a live unanswered assignment is handed back; an item is assigned once per annotator.
        for (Map.Entry<String, String[]> held : assignments.entrySet()) {
            if (held.getValue()[0].equals(annotator) && !answered.contains(held.getKey()) && leaseEnds.get(held.getKey()) > now) {
                respond(response, request.getProjectId(), held.getKey(), held.getValue()[1]);
                return;
            }
        }
        for (Map.Entry<String, Map<String, String>> item : answers.entrySet()) {
            boolean offered = request.getOnlyItemIdsCount() == 0 || request.getOnlyItemIdsList().contains(item.getKey());
            boolean assignedBefore = assignments.values().stream()
                    .anyMatch(a -> a[0].equals(annotator) && a[1].equals(item.getKey()));
            if (offered && item.getValue().size() < overlap && !assignedBefore) {
                String assignmentId = "assignment-" + assignments.size();
                assignments.put(assignmentId, new String[] {annotator, item.getKey()});
                leaseEnds.put(assignmentId, now + leaseMillis);
                respond(response, request.getProjectId(), assignmentId, item.getKey());
                return;
            }
        }
        response.onNext(NextTaskResponse.getDefaultInstance());
        response.onCompleted();
    }

    private void respond(StreamObserver<NextTaskResponse> response, String projectId, String assignmentId, String itemId) {
        response.onNext(NextTaskResponse.newBuilder().setTask(Task.newBuilder().setAssignmentId(assignmentId)
                .setProjectId(projectId).setItemId(itemId).setLeaseExpiresAtEpochMs(leaseEnds.get(assignmentId))).build());
        response.onCompleted();
    }

    @Override
    public synchronized void submitAnswer(SubmitAnswerRequest request, StreamObserver<SubmitAnswerResponse> response) {
        String annotator = caller(response);
        if (annotator == null) {
            return;
        }
        String[] assignment = assignments.get(request.getAssignmentId());
        if (assignment == null || !assignment[0].equals(annotator)) {
            response.onError(Status.FAILED_PRECONDITION.withDescription("assignment_id " + request.getAssignmentId()
                    + " is not assigned to " + annotator).asRuntimeException());
            return;
        }
        answered.add(request.getAssignmentId());
        Map<String, String> itemAnswers = answers.get(assignment[1]);
        itemAnswers.put(annotator, request.getLabel());
        response.onNext(SubmitAnswerResponse.newBuilder().setItemAnswers(itemAnswers.size())
                .build());
        response.onCompleted();
    }

    private String caller(StreamObserver<?> response) {
        String name = refuseTokens ? null : namesByToken.get(CALLER_TOKEN.get());
        if (name == null) {
            response.onError(Status.UNAUTHENTICATED.withDescription("authorization: unknown bearer token").asRuntimeException());
        }
        return name;
    }
}
