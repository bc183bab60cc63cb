package dev.centaur.cli.load;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.ItemPages;
import dev.centaur.cli.dataset.DatasetItem;
import dev.centaur.crowd.v1.NextTaskRequest;
import dev.centaur.crowd.v1.NextTaskResponse;
import dev.centaur.crowd.v1.SubmitAnswerRequest;
import dev.centaur.crowd.v1.Task;
import dev.centaur.router.v1.SubmitItemsRequest;
import dev.centaur.router.v1.SubmittedItem;
import io.grpc.Status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The load itself: one pacer fires SubmitItems at the stated call rate, another fires answers
 * (NextTask, then SubmitAnswer when there is a task) at the stated answer rate; each call runs on
 * a pool thread and is timed from its intended send time. Every call is made once: a failure is
 * counted by status, never retried, and SubmitItems' outcome per item goes to the ledger.
 */
final class LoadTraffic {

    private final CentaurClients clients;
    private final String projectId;
    private final LoadWorkload workload;
    private final RunWindow window;
    private final double callsPerSecond;
    private final double answersPerSecond;
    private final long answersEndNanos;
    private final BlockingQueue<LoadAnnotator> idleAnnotators;
    private final ThreadPoolExecutor submitPool;
    private final ThreadPoolExecutor answerPool;
    private final OperationStats submitItems;
    private final OperationStats nextTask;
    private final OperationStats submitAnswer;
    private final LoadLedger ledger = new LoadLedger();
    private Thread submitPacer;
    private Thread answerPacer;
    private int nextBatch;

    /**
     * @param answersEndNanos when the answer pacer stops at the latest (the drain's deadline)
     */
    LoadTraffic(CentaurClients clients, String projectId, LoadWorkload workload, List<LoadAnnotator> annotators,
            RunWindow window, double callsPerSecond, double answersPerSecond, int submitThreads, long answersEndNanos) {
        this.clients = clients;
        this.projectId = projectId;
        this.workload = workload;
        this.window = window;
        this.callsPerSecond = callsPerSecond;
        this.answersPerSecond = answersPerSecond;
        this.answersEndNanos = answersEndNanos;
        this.idleAnnotators = new ArrayBlockingQueue<>(Math.max(1, annotators.size()), false, annotators);
        this.submitPool = pool("load-submit", submitThreads);
        this.answerPool = pool("load-answer", Math.max(1, annotators.size()));
        this.submitItems = new OperationStats("SubmitItems", window);
        this.nextTask = new OperationStats("NextTask", window);
        this.submitAnswer = new OperationStats("SubmitAnswer", window);
    }

    OperationStats submitItems() {
        return submitItems;
    }

    OperationStats nextTask() {
        return nextTask;
    }

    OperationStats submitAnswer() {
        return submitAnswer;
    }

    LoadLedger ledger() {
        return ledger;
    }

    /** Starts both pacers; they begin at the window's start. */
    void start() {
        submitPacer = pacer("load-submit-pacer", () -> new OpenLoopPacer(PacerClock.SYSTEM, callsPerSecond)
                .run(window.startNanos(), window.measureEndNanos(), this::fireSubmit));
        if (answersPerSecond > 0) {
            answerPacer = pacer("load-answer-pacer", () -> new OpenLoopPacer(PacerClock.SYSTEM, answersPerSecond)
                    .run(window.startNanos(), answersEndNanos, this::fireAnswer));
        }
    }

    /** Waits until every SubmitItems of the window has finished, at most {@code timeout}; false if some still run. */
    boolean awaitSubmissions(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        submitPacer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        submitPool.shutdown();
        return submitPool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** SubmitItems calls fired but not finished (queued or running). */
    long submissionsPending() {
        return submitPool.getQueue().size() + submitPool.getActiveCount();
    }

    /**
     * Stops the answers: no more are fired, those not started are dropped (they belonged to the
     * drain), running ones finish within {@code timeout}.
     */
    boolean stopAnswers(Duration timeout) throws InterruptedException {
        if (answerPacer != null) {
            answerPacer.interrupt();
            answerPacer.join(timeout.toMillis());
        }
        answerPool.getQueue().clear();
        answerPool.shutdown();
        return answerPool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs on the pacer thread: the batches go out in order. */
    private void fireSubmit(long intendedNanos) {
        List<DatasetItem> batch = workload.batch(nextBatch++);
        submitPool.execute(() -> submit(batch, intendedNanos));
    }

    private void fireAnswer(long intendedNanos) {
        answerPool.execute(() -> answer(intendedNanos));
    }

    private void submit(List<DatasetItem> batch, long intendedNanos) {
        SubmitItemsRequest.Builder request = SubmitItemsRequest.newBuilder().setProjectId(projectId);
        for (DatasetItem item : batch) {
            request.addItems(SubmittedItem.newBuilder().setItemId(item.id()).setContent(ItemPages.content(item)));
        }
        List<String> ids = batch.stream().map(DatasetItem::id).toList();
        long sent = System.nanoTime();
        try {
            clients.router().submitItems(request.build());
            submitItems.success(intendedNanos, intendedNanos, sent, System.nanoTime(), batch.size());
            ledger.itemsAcknowledged(ids);
        } catch (RuntimeException e) {
            Status.Code code = Status.fromThrowable(e).getCode();
            submitItems.failure(intendedNanos, intendedNanos, sent, System.nanoTime(), code);
            ledger.itemsFailed(ids, code);
        }
    }

    private void answer(long intendedNanos) {
        LoadAnnotator annotator;
        try {
            annotator = idleAnnotators.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            answerAs(annotator, intendedNanos);
        } finally {
            idleAnnotators.add(annotator);
        }
    }

    private void answerAs(LoadAnnotator annotator, long intendedNanos) {
        NextTaskResponse next;
        long sent = System.nanoTime();
        try {
            next = clients.crowdAs(annotator.token()).nextTask(NextTaskRequest.newBuilder().setProjectId(projectId).build());
        } catch (RuntimeException e) {
            nextTask.failure(intendedNanos, intendedNanos, sent, System.nanoTime(), Status.fromThrowable(e).getCode());
            return;
        }
        long taskReceived = System.nanoTime();
        if (!next.hasTask()) {
            nextTask.empty(intendedNanos, intendedNanos, sent, taskReceived);
            return;
        }
        nextTask.success(intendedNanos, intendedNanos, sent, taskReceived, 1);
        Task task = next.getTask();
        String label = annotator.simulated().answer(task.getItemId()).orElse(task.getLabels(0));
        try {
            clients.crowdAs(annotator.token()).submitAnswer(SubmitAnswerRequest.newBuilder()
                    .setAssignmentId(task.getAssignmentId()).setLabel(label).build());
            submitAnswer.success(intendedNanos, taskReceived, taskReceived, System.nanoTime(), 1);
            ledger.answerAcknowledged(annotator.id());
        } catch (RuntimeException e) {
            Status.Code code = Status.fromThrowable(e).getCode();
            submitAnswer.failure(intendedNanos, taskReceived, taskReceived, System.nanoTime(), code);
            ledger.answerFailed(annotator.id(), code);
        }
    }

    private static Thread pacer(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static ThreadPoolExecutor pool(String name, int threads) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
