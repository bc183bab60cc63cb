package dev.centaur.crowd.bench;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.crowd.v1.CrowdItem;
import dev.centaur.crowd.v1.CrowdProject;
import dev.centaur.crowd.v1.CrowdServiceGrpc;
import dev.centaur.crowd.v1.CrowdServiceGrpc.CrowdServiceBlockingStub;
import dev.centaur.crowd.v1.EnqueueRequest;
import dev.centaur.crowd.v1.GetItemResultRequest;
import dev.centaur.crowd.v1.NextTaskRequest;
import dev.centaur.crowd.v1.NextTaskResponse;
import dev.centaur.crowd.v1.RegisterAnnotatorRequest;
import dev.centaur.crowd.v1.RegisterAnnotatorResponse;
import dev.centaur.crowd.v1.SubmitAnswerRequest;
import dev.centaur.crowd.v1.UpsertProjectRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on a running crowd-service: simulated annotators loop NextTask / SubmitAnswer over gRPC for
 * a fixed time, then the bench prints answers per second, p50/p99 latencies, and checks that no
 * assignment went to two annotators, no annotator got an item twice, no item got more answers
 * than its overlap, and every accepted answer is counted by GetItemResult. A benchmark, not a test:
 *
 * <pre>
 * cd /work/main && mvn -B -q -o -pl crowd-service package -DskipTests
 * QUARKUS_HTTP_PORT=18282 java -jar crowd-service/target/quarkus-app/quarkus-run.jar &amp;
 * java -cp "crowd-service/target/test-classes:crowd-service/target/quarkus-app/lib/main/*:crowd-service/target/quarkus-app/app/*" \
 *     dev.centaur.crowd.bench.CrowdLoadBench [host] [port] [annotators] [seconds]
 * </pre>
 */
public final class CrowdLoadBench {

    private static final int OVERLAP = 3;
    private static final int ITEMS = 20_000;
    private static final int ENQUEUE_BATCH = 1000;

    private CrowdLoadBench() {
    }

    /** Latencies of one annotator thread, in microseconds. */
    private static final class Latencies {
        long[] values = new long[1024];
        int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos / 1000;
        }
    }

    public static void main(String[] args) throws Exception {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8082;
        int annotatorCount = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        ManagedChannel channel = ManagedChannelBuilder.forAddress(host, port).usePlaintext().build();
        CrowdServiceBlockingStub crowd = CrowdServiceGrpc.newBlockingStub(channel);

        String projectId = "load-" + UUID.randomUUID().toString().substring(0, 8);
        crowd.upsertProject(UpsertProjectRequest.newBuilder().setProject(CrowdProject.newBuilder()
                .setProjectId(projectId).addLabels("a").addLabels("b").addLabels("c").setInstructions("load")
                .setOverlap(OVERLAP).setAggregationMethod("MV")).build());
        for (int from = 0; from < ITEMS; from += ENQUEUE_BATCH) {
            EnqueueRequest.Builder request = EnqueueRequest.newBuilder().setProjectId(projectId);
            for (int i = from; i < from + ENQUEUE_BATCH; i++) {
                request.addItems(CrowdItem.newBuilder().setItemId("item-" + i)
                        .setContent(ItemContent.newBuilder().setText("text " + i)));
            }
            crowd.enqueue(request.build());
        }
        List<CrowdServiceBlockingStub> stubs = new ArrayList<>();
        for (int i = 0; i < annotatorCount; i++) {
            RegisterAnnotatorResponse registered = crowd.registerAnnotator(RegisterAnnotatorRequest.newBuilder()
                    .setName("load-" + i).build());
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                    "Bearer " + registered.getToken());
            stubs.add(crowd.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)));
        }

        Map<String, String> assignmentOwners = new ConcurrentHashMap<>();
        Map<String, Set<Integer>> itemAnnotators = new ConcurrentHashMap<>();
        Map<String, AtomicLong> acceptedPerItem = new ConcurrentHashMap<>();
        AtomicLong doubleAssignments = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        Latencies[] nextTask = new Latencies[annotatorCount];
        Latencies[] submit = new Latencies[annotatorCount];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(annotatorCount);
        for (int a = 0; a < annotatorCount; a++) {
            int annotator = a;
            nextTask[a] = new Latencies();
            submit[a] = new Latencies();
            Thread thread = new Thread(() -> {
                try {
                    CrowdServiceBlockingStub stub = stubs.get(annotator);
                    while (System.nanoTime() < deadline) {
                        long start = System.nanoTime();
                        NextTaskResponse response = stub.nextTask(NextTaskRequest.newBuilder().setProjectId(projectId)
                                .build());
                        nextTask[annotator].add(System.nanoTime() - start);
                        if (!response.hasTask()) {
                            break;
                        }
                        String assignmentId = response.getTask().getAssignmentId();
                        String itemId = response.getTask().getItemId();
                        String owner = assignmentOwners.putIfAbsent(assignmentId, String.valueOf(annotator));
                        boolean newForAnnotator = itemAnnotators.computeIfAbsent(itemId,
                                key -> ConcurrentHashMap.newKeySet()).add(annotator);
                        if ((owner != null && !owner.equals(String.valueOf(annotator))) || !newForAnnotator) {
                            doubleAssignments.incrementAndGet();
                        }
                        start = System.nanoTime();
                        stub.submitAnswer(SubmitAnswerRequest.newBuilder().setAssignmentId(assignmentId)
                                .setLabel(String.valueOf((char) ('a' + (annotator + itemId.length()) % 3))).build());
                        submit[annotator].add(System.nanoTime() - start);
                        acceptedPerItem.computeIfAbsent(itemId, key -> new AtomicLong()).incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    System.err.println("annotator " + annotator + " failed: " + e);
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        long started = System.nanoTime();
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;

        long accepted = acceptedPerItem.values().stream().mapToLong(AtomicLong::get).sum();
        long lost = 0;
        long overFilled = 0;
        for (Map.Entry<String, AtomicLong> entry : acceptedPerItem.entrySet()) {
            int stored = crowd.getItemResult(GetItemResultRequest.newBuilder().setProjectId(projectId)
                    .setItemId(entry.getKey()).build()).getAnswers();
            lost += Math.max(0, entry.getValue().get() - stored);
            overFilled += stored > OVERLAP ? 1 : 0;
        }
        System.out.printf("%d annotators, %.1f s: %,d answers, %.1f answers/s%n", annotatorCount, elapsed, accepted,
                accepted / elapsed);
        System.out.printf("NextTask p50 %.1f ms, p99 %.1f ms; SubmitAnswer p50 %.1f ms, p99 %.1f ms%n",
                percentile(nextTask, 0.50), percentile(nextTask, 0.99), percentile(submit, 0.50),
                percentile(submit, 0.99));
        System.out.printf("double assignments %d, lost answers %d, items over overlap %d, failed annotators %d%n",
                doubleAssignments.get(), lost, overFilled, failures.get());
        channel.shutdownNow();
    }

    private static double percentile(Latencies[] perThread, double quantile) {
        int total = Arrays.stream(perThread).mapToInt(latencies -> latencies.size).sum();
        long[] all = new long[total];
        int k = 0;
        for (Latencies latencies : perThread) {
            System.arraycopy(latencies.values, 0, all, k, latencies.size);
            k += latencies.size;
        }
        if (total == 0) {
            return Double.NaN;
        }
        Arrays.sort(all);
        return all[Math.min(total - 1, (int) Math.ceil(quantile * total) - 1)] / 1000.0;
    }
}
