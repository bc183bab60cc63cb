package dev.centaur.inference.batching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Dynamic batching for one loaded model, after djl-serving's batch aggregator: a bounded queue
 * and one worker thread that blocks for the first job, takes up to {@code maxBatchSize} items,
 * waits at most {@code maxDelay} for more, runs one forward pass and completes each job's future.
 *
 * <p>A submission that does not fit the queue is refused whole at once ({@link QueueFullException}).
 * Jobs whose deadline has passed are dropped before the pass ({@link DeadlineExpiredException}).
 * When a batch pass throws, each of its jobs is run again alone, so one bad item fails only itself
 * (it fails with its own exception) and the others still get their answers. Closing fails what
 * still waits, and refuses new work, with {@link BatcherClosedException}.
 */
public final class BatchAggregator<I, O> implements AutoCloseable {

    /** Deadline of a job that has none. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private final String name;
    private final BatchSettings settings;
    private final BatchFunction<I, O> forward;
    private final BatchListener listener;
    private final LongSupplier nanoTime;
    private final ArrayDeque<Job<I, O>> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Thread worker;
    private boolean closed;

    private record Job<I, O>(I input, long submittedNanos, long deadlineNanos, CompletableFuture<O> result) {
    }

    public BatchAggregator(String name, BatchSettings settings, BatchFunction<I, O> forward, BatchListener listener) {
        this(name, settings, forward, listener, System::nanoTime);
    }

    BatchAggregator(String name, BatchSettings settings, BatchFunction<I, O> forward, BatchListener listener,
            LongSupplier nanoTime) {
        this.name = name;
        this.settings = settings;
        this.forward = forward;
        this.listener = listener;
        this.nanoTime = nanoTime;
        this.worker = new Thread(this::work, "batch-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Queues every input (all or none) for the next forward passes.
     *
     * @param deadlineNanos in {@link System#nanoTime()} terms, or {@link #NO_DEADLINE}
     * @return one future per input, in input order
     * @throws QueueFullException when the queue has no room for all of them
     */
    public List<CompletableFuture<O>> submitAll(List<I> inputs, long deadlineNanos) {
        long now = nanoTime.getAsLong();
        List<CompletableFuture<O>> results = new ArrayList<>(inputs.size());
        lock.lock();
        try {
            if (closed) {
                throw new BatcherClosedException("batch aggregator " + name + " is closed");
            }
            if (queue.size() + inputs.size() > settings.queueCapacity()) {
                throw new QueueFullException("model " + name + " has " + queue.size() + " items queued; "
                        + inputs.size() + " more exceed its queue capacity of " + settings.queueCapacity());
            }
            for (I input : inputs) {
                CompletableFuture<O> result = new CompletableFuture<>();
                queue.addLast(new Job<>(input, now, deadlineNanos, result));
                results.add(result);
            }
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        return results;
    }

    public CompletableFuture<O> submit(I input, long deadlineNanos) {
        return submitAll(List.of(input), deadlineNanos).get(0);
    }

    /** Items waiting for a forward pass. */
    public int queueDepth() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the worker after failing whatever still waits. */
    @Override
    public void close() {
        List<Job<I, O>> abandoned;
        lock.lock();
        try {
            closed = true;
            abandoned = new ArrayList<>(queue);
            queue.clear();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
        worker.interrupt();
        BatcherClosedException reason = new BatcherClosedException("batch aggregator " + name + " closed");
        abandoned.forEach(job -> job.result().completeExceptionally(reason));
    }

    private void work() {
        while (true) {
            List<Job<I, O>> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == null) {
                return;
            }
            run(batch);
        }
    }

    /** Blocks for the first job, then gathers more until the batch is full or the delay is over. */
    private List<Job<I, O>> nextBatch() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (queue.isEmpty()) {
                if (closed) {
                    return null;
                }
                notEmpty.await();
            }
            long waitUntil = nanoTime.getAsLong() + settings.maxDelay().toNanos();
            while (queue.size() < settings.maxBatchSize() && !closed) {
                long left = waitUntil - nanoTime.getAsLong();
                if (left <= 0) {
                    break;
                }
                notEmpty.awaitNanos(left);
            }
            int size = Math.min(settings.maxBatchSize(), queue.size());
            List<Job<I, O>> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(queue.pollFirst());
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void run(List<Job<I, O>> batch) {
        long start = nanoTime.getAsLong();
        List<Job<I, O>> live = new ArrayList<>(batch.size());
        for (Job<I, O> job : batch) {
            if (job.result().isDone()) {
                continue; // the caller gave up (cancelled)
            }
            if (job.deadlineNanos() != NO_DEADLINE && start - job.deadlineNanos() >= 0) {
                fail(job, new DeadlineExpiredException("deadline passed after "
                        + TimeUnit.NANOSECONDS.toMillis(start - job.submittedNanos()) + " ms in the queue of model " + name));
                continue;
            }
            listener.queued(start - job.submittedNanos());
            live.add(job);
        }
        if (live.isEmpty()) {
            return;
        }
        try {
            List<O> outputs = forward.apply(live.stream().map(Job::input).toList());
            if (outputs.size() != live.size()) {
                throw new IllegalStateException("forward pass gave " + outputs.size() + " outputs for "
                        + live.size() + " inputs");
            }
            for (int i = 0; i < live.size(); i++) {
                complete(live.get(i), outputs.get(i));
            }
        } catch (RuntimeException | Error batchFailure) {
            if (live.size() == 1) {
                fail(live.get(0), batchFailure);
            } else {
                live.forEach(this::runAlone);
            }
        }
        listener.batchRan(live.size(), nanoTime.getAsLong() - start);
    }

    private void runAlone(Job<I, O> job) {
        try {
            complete(job, forward.apply(List.of(job.input())).get(0));
        } catch (RuntimeException | Error failure) {
            fail(job, failure);
        }
    }

    private void complete(Job<I, O> job, O output) {
        job.result().complete(output);
        listener.completed(nanoTime.getAsLong() - job.submittedNanos());
    }

    private void fail(Job<I, O> job, Throwable failure) {
        job.result().completeExceptionally(failure);
        listener.completed(nanoTime.getAsLong() - job.submittedNanos());
    }
}
