package dev.centaur.crowd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.centaur.crowd.v1.SubmitAnswerRequest;
import dev.centaur.crowd.v1.UpsertProjectRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Replays a data set's recorded crowd answers through a running crowd-service, the way the CLI's
 * bench does but without router: every recorded worker is an annotator who asks NextTask with
 * only_item_ids = the items they still have to answer and answers with their recorded label. The
 * project has the data set's overlap (3) and the default method (Dawid-Skene), so the project grows
 * to the data set's size and the cost of aggregating at that size shows. Prints answers/s per
 * segment of the replay, then waits for every item to complete. A benchmark, not a test:
 *
 * <pre>
 * cd /work/main && mvn -B -q -o -pl crowd-service package -DskipTests
 * QUARKUS_HTTP_PORT=18282 java -jar crowd-service/target/quarkus-app/quarkus-run.jar &amp;
 * java -cp "crowd-service/target/test-classes:crowd-service/target/quarkus-app/lib/main/*:crowd-service/target/quarkus-app/app/*" \
 *     dev.centaur.crowd.bench.CrowdReplayBench [host] [port] [threads] [max-seconds] [data-set dir]
 * </pre>
 */
public final class CrowdReplayBench {

    private static final int OVERLAP = 3;
    private static final int ENQUEUE_BATCH = 500;
    private static final int SEGMENT_ANSWERS = 5_000;
    private static final int TASKS_PER_TURN = 20;
    private static final long IDLE_PAUSE_MILLIS = 200;
    private static final long COMPLETION_TIMEOUT_MILLIS = 600_000;
    private static final int PROGRESS_SECONDS = 30;

    private CrowdReplayBench() {
    }

    /** A recorded worker: their annotator stub and the labels they still have to give, by item id. */
    private static final class Worker {
        final CrowdServiceBlockingStub stub;
        final Map<String, String> remaining;

        Worker(CrowdServiceBlockingStub stub, Map<String, String> remaining) {
            this.stub = stub;
            this.remaining = remaining;
        }
    }

    /** A worker's next turn, due after a pause. */
    private record Turn(Worker worker, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Turn) other).dueNanos);
        }
    }

    public static void main(String[] args) throws Exception {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8082;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int maxSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 900;
        Path dataSet = Path.of(args.length > 4 ? args[4] : "../shared/datasets/product-matching");
        ManagedChannel channel = ManagedChannelBuilder.forAddress(host, port).usePlaintext()
                .maxInboundMessageSize(32 << 20).build();
        CrowdServiceBlockingStub crowd = CrowdServiceGrpc.newBlockingStub(channel);

        Map<String, Map<String, String>> answersByWorker = readAnswers(dataSet.resolve("answers.csv"));
        List<String> labels = Files.readAllLines(dataSet.resolve("labels.txt")).stream().filter(l -> !l.isBlank())
                .toList();
        String projectId = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        crowd.upsertProject(UpsertProjectRequest.newBuilder().setProject(CrowdProject.newBuilder()
                .setProjectId(projectId).addAllLabels(labels).setInstructions("replay").setOverlap(OVERLAP)).build());
        List<String> itemIds = enqueueItems(crowd, projectId, dataSet.resolve("items.jsonl"));
        DelayQueue<Turn> turns = new DelayQueue<>();
        long totalAnswers = 0;
        for (Map.Entry<String, Map<String, String>> entry : answersByWorker.entrySet()) {
            String token = crowd.registerAnnotator(RegisterAnnotatorRequest.newBuilder()
                    .setName(projectId + "/" + entry.getKey()).build()).getToken();
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
            turns.put(new Turn(new Worker(crowd.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)),
                    entry.getValue()), 0));
            totalAnswers += entry.getValue().size();
        }
        System.out.printf("project %s: %,d items, %,d recorded answers from %d workers, %d threads%n", projectId,
                itemIds.size(), totalAnswers, answersByWorker.size(), threads);

        AtomicLong answered = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        int segments = (int) (totalAnswers / SEGMENT_ANSWERS) + 1;
        AtomicLongArray segmentEnds = new AtomicLongArray(segments);
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(maxSeconds);
        long expected = totalAnswers;
        List<Thread> pool = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                while (answered.get() < expected && System.nanoTime() < deadline) {
                    Turn turn;
                    try {
                        turn = turns.poll(200, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (turn == null) {
                        continue;
                    }
                    try {
                        long pause = takeTurn(turn.worker(), projectId, answered, segmentEnds, started);
                        if (pause >= 0) {
                            turns.put(new Turn(turn.worker(), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause)));
                        }
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        System.err.println("turn failed: " + e);
                        turns.put(new Turn(turn.worker(), System.nanoTime() + TimeUnit.SECONDS.toNanos(1)));
                    }
                }
            });
            thread.start();
            pool.add(thread);
        }
        Thread progress = new Thread(() -> printProgress(answered, expected, started));
        progress.setDaemon(true);
        progress.start();
        for (Thread thread : pool) {
            thread.join();
        }
        double answerSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%,d answers in %.1f s: %.1f answers/s overall, %d failed calls%n", answered.get(),
                answerSeconds, answered.get() / answerSeconds, failures.get());
        long previousEnd = started;
        for (int s = 0; s < segments && segmentEnds.get(s) != 0; s++) {
            double seconds = (segmentEnds.get(s) - previousEnd) / 1e9;
            System.out.printf("  answers %,6d-%,6d: %6.1f answers/s%n", s * SEGMENT_ANSWERS, (s + 1) * SEGMENT_ANSWERS,
                    SEGMENT_ANSWERS / seconds);
            previousEnd = segmentEnds.get(s);
        }
        if (answered.get() == expected) {
            awaitCompletion(crowd, projectId, itemIds, started);
        }
        channel.shutdownNow();
    }

    /** Every {@link #PROGRESS_SECONDS}: answers so far and the rate since the last line. */
    private static void printProgress(AtomicLong answered, long expected, long started) {
        long last = 0;
        while (answered.get() < expected) {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(PROGRESS_SECONDS));
            } catch (InterruptedException e) {
                return;
            }
            long now = answered.get();
            System.out.printf("  %5.0f s: %,6d answers, %6.1f answers/s in the last %d s%n",
                    (System.nanoTime() - started) / 1e9, now, (now - last) / (double) PROGRESS_SECONDS, PROGRESS_SECONDS);
            last = now;
        }
    }

    /** Answers up to a turn's worth of tasks; returns the pause before the worker's next turn, or -1 when done. */
    private static long takeTurn(Worker worker, String projectId, AtomicLong answered, AtomicLongArray segmentEnds,
            long started) {
        for (int i = 0; i < TASKS_PER_TURN; i++) {
            if (worker.remaining.isEmpty()) {
                return -1;
            }
            NextTaskResponse next = worker.stub.nextTask(NextTaskRequest.newBuilder().setProjectId(projectId)
                    .addAllOnlyItemIds(worker.remaining.keySet()).build());
            if (!next.hasTask()) {
                return IDLE_PAUSE_MILLIS;
            }
            String label = worker.remaining.remove(next.getTask().getItemId());
            worker.stub.submitAnswer(SubmitAnswerRequest.newBuilder().setAssignmentId(next.getTask().getAssignmentId())
                    .setLabel(label).build());
            long count = answered.incrementAndGet();
            if (count % SEGMENT_ANSWERS == 0) {
                segmentEnds.set((int) (count / SEGMENT_ANSWERS) - 1, System.nanoTime());
            }
        }
        return 0;
    }

    /** Polls every item until all are completed, then prints how long after the start that was. */
    private static void awaitCompletion(CrowdServiceBlockingStub crowd, String projectId, List<String> itemIds,
            long started) throws InterruptedException {
        long answeredAt = System.nanoTime();
        int next = 0;
        while (next < itemIds.size() && System.nanoTime() - answeredAt < TimeUnit.MILLISECONDS.toNanos(
                COMPLETION_TIMEOUT_MILLIS)) {
            boolean completed = crowd.getItemResult(GetItemResultRequest.newBuilder().setProjectId(projectId)
                    .setItemId(itemIds.get(next)).build()).getCompleted();
            if (completed) {
                next++;
            } else {
                Thread.sleep(100);
            }
        }
        System.out.printf("%,d of %,d items completed %.1f s after the last answer (%.1f s after the start)%n", next,
                itemIds.size(), (System.nanoTime() - answeredAt) / 1e9, (System.nanoTime() - started) / 1e9);
    }

    /** item_id,worker_id,label rows as labels by item id, per worker, in file order. */
    private static Map<String, Map<String, String>> readAnswers(Path csv) throws IOException {
        Map<String, Map<String, String>> byWorker = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(csv)) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",");
                byWorker.computeIfAbsent(fields[1], key -> new LinkedHashMap<>()).put(fields[0], fields[2]);
            }
        }
        return byWorker;
    }

    /** Enqueues every item of items.jsonl (pairs or single texts); returns their ids in file order. */
    private static List<String> enqueueItems(CrowdServiceBlockingStub crowd, String projectId, Path jsonl)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> itemIds = new ArrayList<>();
        EnqueueRequest.Builder request = EnqueueRequest.newBuilder().setProjectId(projectId);
        for (String line : new LinkedHashSet<>(Files.readAllLines(jsonl))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode item = json.readTree(line);
            ItemContent.Builder content = ItemContent.newBuilder();
            if (item.has("text_a")) {
                content.setTextA(item.get("text_a").asText()).setTextB(item.get("text_b").asText());
            } else {
                content.setText(item.get("text").asText());
            }
            request.addItems(CrowdItem.newBuilder().setItemId(item.get("id").asText()).setContent(content));
            itemIds.add(item.get("id").asText());
            if (request.getItemsCount() == ENQUEUE_BATCH) {
                crowd.enqueue(request.build());
                request.clearItems();
            }
        }
        if (request.getItemsCount() > 0) {
            crowd.enqueue(request.build());
        }
        return itemIds;
    }
}
