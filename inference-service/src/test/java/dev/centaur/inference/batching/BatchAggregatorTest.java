package dev.centaur.inference.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchAggregatorTest {

    /** Doubles each input and records the size of every forward pass. */
    private final List<Integer> passSizes = new CopyOnWriteArrayList<>();
    private final List<BatchAggregator<Integer, Integer>> opened = new ArrayList<>();

    private BatchAggregator<Integer, Integer> aggregator(int maxBatch, Duration delay, int capacity,
            BatchFunction<Integer, Integer> forward) {
        BatchAggregator<Integer, Integer> aggregator = new BatchAggregator<>("test",
                new BatchSettings(maxBatch, delay, capacity), inputs -> {
                    passSizes.add(inputs.size());
                    return forward.apply(inputs);
                }, BatchListener.NONE);
        opened.add(aggregator);
        return aggregator;
    }

    private static List<Integer> doubled(List<Integer> inputs) {
        return inputs.stream().map(i -> i * 2).toList();
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeAll() {
        opened.forEach(BatchAggregator::close);
    }

    @Test
    void itemsQueuedTogetherShareForwardPassesOfAtMostTheMaximumSize() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BatchAggregator<Integer, Integer> batcher = aggregator(4, Duration.ofMillis(50), 100, inputs -> {
            awaitQuietly(release);
            return doubled(inputs);
        });
        // The first item occupies the worker (blocked in its pass) while ten more queue up.
        CompletableFuture<Integer> first = batcher.submit(100, BatchAggregator.NO_DEADLINE);
        waitUntil(() -> passSizes.size() == 1);
        List<CompletableFuture<Integer>> rest = batcher.submitAll(range(10), BatchAggregator.NO_DEADLINE);
        release.countDown();

        assertEquals(200, await(first));
        for (int i = 0; i < 10; i++) {
            assertEquals(i * 2, await(rest.get(i)), "answers keep input order");
        }
        assertEquals(List.of(1, 4, 4, 2), passSizes);
    }

    @Test
    void aLoneItemWaitsAtMostTheDelayForCompany() throws Exception {
        BatchAggregator<Integer, Integer> batcher = aggregator(8, Duration.ofMillis(200), 100,
                BatchAggregatorTest::doubled);
        long start = System.nanoTime();
        CompletableFuture<Integer> first = batcher.submit(1, BatchAggregator.NO_DEADLINE);
        Thread.sleep(50);
        CompletableFuture<Integer> second = batcher.submit(2, BatchAggregator.NO_DEADLINE);

        assertEquals(2, await(first));
        assertEquals(4, await(second));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(List.of(2), passSizes, "the second item joined the first one's pass");
        assertTrue(elapsedMillis >= 190, "waited for the delay, took " + elapsedMillis + " ms");
        assertTrue(elapsedMillis < 2000, "did not wait much past the delay: " + elapsedMillis + " ms");
    }

    @Test
    void aFullBatchRunsWithoutWaitingForTheDelay() throws Exception {
        BatchAggregator<Integer, Integer> batcher = aggregator(3, Duration.ofSeconds(30), 100,
                BatchAggregatorTest::doubled);
        List<CompletableFuture<Integer>> results = batcher.submitAll(range(3), BatchAggregator.NO_DEADLINE);
        assertEquals(4, await(results.get(2)));
        assertEquals(List.of(3), passSizes);
    }

    @Test
    void aSubmissionThatDoesNotFitIsRefusedWholeAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BatchAggregator<Integer, Integer> batcher = aggregator(2, Duration.ZERO, 5, inputs -> {
            awaitQuietly(release);
            return doubled(inputs);
        });
        CompletableFuture<Integer> busy = batcher.submit(0, BatchAggregator.NO_DEADLINE);
        waitUntil(() -> passSizes.size() == 1);
        batcher.submitAll(range(4), BatchAggregator.NO_DEADLINE);

        QueueFullException refused = assertThrows(QueueFullException.class,
                () -> batcher.submitAll(range(2), BatchAggregator.NO_DEADLINE));
        assertTrue(refused.getMessage().contains("queue capacity of 5"), refused.getMessage());
        assertEquals(4, batcher.queueDepth(), "nothing of the refused submission was queued");
        batcher.submit(9, BatchAggregator.NO_DEADLINE); // one more still fits
        release.countDown();
        assertEquals(0, await(busy));
    }

    @Test
    void jobsWhoseDeadlinePassedInTheQueueAreDroppedBeforeThePass() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> seenInputs = new CopyOnWriteArrayList<>();
        BatchAggregator<Integer, Integer> batcher = aggregator(8, Duration.ZERO, 100, inputs -> {
            awaitQuietly(release);
            seenInputs.addAll(inputs);
            return doubled(inputs);
        });
        CompletableFuture<Integer> busy = batcher.submit(0, BatchAggregator.NO_DEADLINE);
        waitUntil(() -> passSizes.size() == 1);
        CompletableFuture<Integer> late = batcher.submit(1, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
        CompletableFuture<Integer> patient = batcher.submit(2, BatchAggregator.NO_DEADLINE);
        Thread.sleep(60);
        release.countDown();

        assertEquals(4, await(patient));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> await(late));
        assertInstanceOf(DeadlineExpiredException.class, failure.getCause());
        assertEquals(0, await(busy));
        assertEquals(List.of(0, 2), seenInputs, "the expired job never reached the model");
    }

    @Test
    void aBadItemFailsOnlyItselfWhenTheBatchPassThrows() throws Exception {
        BatchAggregator<Integer, Integer> batcher = aggregator(8, Duration.ofMillis(100), 100, inputs -> {
            if (inputs.contains(-1)) {
                throw new IllegalArgumentException("negative input");
            }
            return doubled(inputs);
        });
        List<CompletableFuture<Integer>> results = batcher.submitAll(List.of(1, -1, 3), BatchAggregator.NO_DEADLINE);

        assertEquals(2, await(results.get(0)));
        assertEquals(6, await(results.get(2)));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> await(results.get(1)));
        assertInstanceOf(IllegalArgumentException.class, failure.getCause());
        assertEquals(List.of(3, 1, 1, 1), passSizes, "one failed pass, then each job alone");
    }

    @Test
    void aPassAnsweringTheWrongNumberOfOutputsFailsItsJobsInsteadOfMisassigning() throws Exception {
        BatchAggregator<Integer, Integer> batcher = aggregator(8, Duration.ZERO, 100, inputs -> List.of());
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> await(batcher.submit(1, BatchAggregator.NO_DEADLINE)));
        assertTrue(failure.getCause().getMessage().contains("0 outputs for 1 inputs"), failure.getCause().getMessage());
    }

    @Test
    void listenerHearsQueueTimeBatchSizeAndLatency() throws Exception {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        List<Long> latencies = new CopyOnWriteArrayList<>();
        List<Long> waits = new CopyOnWriteArrayList<>();
        BatchAggregator<Integer, Integer> batcher = new BatchAggregator<>("listened",
                new BatchSettings(4, Duration.ofMillis(20), 10), BatchAggregatorTest::doubled, new BatchListener() {
                    @Override
                    public void queued(long waitNanos) {
                        waits.add(waitNanos);
                    }

                    @Override
                    public void batchRan(int size, long passNanos) {
                        sizes.add(size);
                    }

                    @Override
                    public void completed(long latencyNanos) {
                        latencies.add(latencyNanos);
                    }
                });
        opened.add(batcher);
        List<CompletableFuture<Integer>> results = batcher.submitAll(range(4), BatchAggregator.NO_DEADLINE);
        await(results.get(3));
        waitUntil(() -> sizes.size() == 1);

        assertEquals(List.of(4), sizes);
        assertEquals(4, waits.size());
        assertEquals(4, latencies.size());
        assertTrue(latencies.stream().allMatch(l -> l > 0));
    }

    @Test
    void closingFailsWhatStillWaitsAndRefusesNewWork() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BatchAggregator<Integer, Integer> batcher = aggregator(1, Duration.ZERO, 10, inputs -> {
            awaitQuietly(release);
            return doubled(inputs);
        });
        batcher.submit(0, BatchAggregator.NO_DEADLINE);
        waitUntil(() -> passSizes.size() == 1);
        CompletableFuture<Integer> waiting = batcher.submit(1, BatchAggregator.NO_DEADLINE);
        batcher.close();
        release.countDown();

        ExecutionException failed = assertThrows(ExecutionException.class, () -> await(waiting));
        assertInstanceOf(BatcherClosedException.class, failed.getCause(), "the waiting job is failed, not dropped");
        assertThrows(BatcherClosedException.class, () -> batcher.submit(2, BatchAggregator.NO_DEADLINE));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(2);
        }
    }
}
