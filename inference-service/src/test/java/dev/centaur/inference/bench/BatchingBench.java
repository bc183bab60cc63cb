package dev.centaur.inference.bench;

import ai.djl.Device;
import dev.centaur.inference.batching.BatchAggregator;
import dev.centaur.inference.batching.BatchListener;
import dev.centaur.inference.batching.BatchSettings;
import dev.centaur.inference.model.ClassifierTrainer;
import dev.centaur.inference.model.DjlRuntime;
import dev.centaur.inference.model.ItemFeatures;
import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.model.TextClassifier;
import dev.centaur.inference.model.TrainingSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the built-in model with dynamic batching versus one item per forward pass (not a
 * test): trains on sms-spam (short texts), then C client threads each predict one item at a time
 * for a fixed time, at C = 1, 8 and 64. Both modes featurize on the client threads, as the service
 * does; they differ only in the forward pass. Prints items/s, p50/p99 latency and peak memory.
 *
 * <pre>mvn -B -q -pl inference-service test-compile exec:java -Dexec.mainClass=dev.centaur.inference.bench.BatchingBench</pre>
 *
 * System properties: bench.seconds (per cell, default 4), bench.maxBatch (256), bench.delayMicros
 * (0, the service default), bench.dataset (sms-spam).
 */
public final class BatchingBench {

    private static final int[] CONCURRENCY = {1, 8, 64};
    private static final int MAX_LATENCIES_PER_THREAD = 200_000;

    private record Cell(String mode, int concurrency, double itemsPerSecond, double p50Millis, double p99Millis,
            double meanBatch) {
    }

    /** One way of answering a single item. */
    private interface Predictor {
        void predictOne(ItemFeatures item);
    }

    public static void main(String[] args) throws Exception {
        DjlRuntime.prepare(DjlRuntime.DEFAULT_ENGINE_THREADS);
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "4"));
        String dataset = System.getProperty("bench.dataset", "sms-spam");
        BatchSettings batching = new BatchSettings(Integer.getInteger("bench.maxBatch", 256),
                Duration.ofNanos(1000L * Integer.getInteger("bench.delayMicros", 0)), 100_000);
        LabeledDataset data = LabeledDataset.read(LabeledDataset.root(), dataset);
        TrainingSettings settings = ModelBench.settings();
        Device device = DjlRuntime.chooseDevice();
        System.out.printf("device %s, PyTorch %s, %d cores, %s: %d items, mean %.0f chars; %s; %.0f s per cell%n",
                device, DjlRuntime.engineVersion(), Runtime.getRuntime().availableProcessors(), dataset,
                data.items().size(), data.items().stream().mapToInt(i -> i.text().length()).average().orElse(0),
                batching, seconds);
        try (TextClassifier classifier = new ClassifierTrainer(device)
                .train(data.items(), data.labelIndices(), data.labels(), settings).classifier()) {
            List<ItemText> texts = data.items();
            long featurizeStart = System.nanoTime();
            List<ItemFeatures> features = texts.stream().map(classifier::prepare).toList();
            double featurizePerSecond = texts.size() / ((System.nanoTime() - featurizeStart) / 1e9);
            System.out.printf("featurizing alone, one thread: %.0f items/s%n", featurizePerSecond);

            List<Cell> cells = new ArrayList<>();
            PeakMemory memory = PeakMemory.start();
            for (int concurrency : CONCURRENCY) {
                cells.add(run("one item per pass", concurrency, seconds, texts, classifier,
                        item -> classifier.predictPrepared(List.of(item)), () -> 1.0));
                AtomicLong batches = new AtomicLong();
                AtomicLong batchedItems = new AtomicLong();
                BatchListener counting = new BatchListener() {
                    @Override
                    public void batchRan(int size, long passNanos) {
                        batches.incrementAndGet();
                        batchedItems.addAndGet(size);
                    }
                };
                try (BatchAggregator<ItemFeatures, double[]> batcher = new BatchAggregator<>("bench", batching,
                        items -> Arrays.asList(classifier.predictPrepared(items)), counting)) {
                    cells.add(run("dynamic batching", concurrency, seconds, texts, classifier,
                            item -> batcher.submit(item, BatchAggregator.NO_DEADLINE).join(),
                            () -> (double) batchedItems.get() / Math.max(1, batches.get())));
                }
            }
            memory.stop();
            System.out.printf("%n%-18s %11s %10s %9s %9s %10s%n", "mode", "concurrency", "items/s", "p50_ms",
                    "p99_ms", "mean_batch");
            for (Cell cell : cells) {
                System.out.printf("%-18s %11d %10.0f %9.3f %9.3f %10.1f%n", cell.mode(), cell.concurrency(),
                        cell.itemsPerSecond(), cell.p50Millis(), cell.p99Millis(), cell.meanBatch());
            }
            for (int concurrency : CONCURRENCY) {
                double single = find(cells, "one item per pass", concurrency).itemsPerSecond();
                double batched = find(cells, "dynamic batching", concurrency).itemsPerSecond();
                System.out.printf("concurrency %2d: batching %.1fx one item per pass%n", concurrency, batched / single);
            }
            System.out.printf("peak heap used %.0f MiB, peak resident set (VmHWM, heap + PyTorch) %.0f MiB%n",
                    memory.peakHeapBytes() / 1048576.0, PeakMemory.residentHighWaterBytes() / 1048576.0);
        }
    }

    private static Cell find(List<Cell> cells, String mode, int concurrency) {
        return cells.stream().filter(c -> c.mode().equals(mode) && c.concurrency() == concurrency).findFirst()
                .orElseThrow();
    }

    /**
     * C threads each featurize the next text and predict it, for a warm-up second and then
     * {@code seconds} measured; latency covers featurizing and predicting one item.
     */
    private static Cell run(String mode, int concurrency, double seconds, List<ItemText> texts,
            TextClassifier classifier, Predictor predictor, java.util.function.DoubleSupplier meanBatch)
            throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        long[][] latencies = new long[concurrency][MAX_LATENCIES_PER_THREAD];
        int[] counts = new int[concurrency];
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            int thread = t;
            Thread client = new Thread(() -> {
                while (!stop.get()) {
                    ItemText text = texts.get(Math.floorMod(next.getAndIncrement(), texts.size()));
                    long start = System.nanoTime();
                    predictor.predictOne(classifier.prepare(text));
                    long took = System.nanoTime() - start;
                    if (measuring.get() && counts[thread] < MAX_LATENCIES_PER_THREAD) {
                        latencies[thread][counts[thread]++] = took;
                    }
                }
                done.countDown();
            });
            client.setDaemon(true);
            client.start();
        }
        Thread.sleep(1000);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Cell(mode, concurrency, total / elapsed, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6,
                meanBatch.getAsDouble());
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    /** Samples the heap in use every 20 ms; the resident high-water mark comes from the kernel. */
    private static final class PeakMemory {
        private final AtomicLong peakHeap = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread sampler;

        private PeakMemory() {
            sampler = new Thread(() -> {
                while (running.get()) {
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    peakHeap.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
        }

        static PeakMemory start() {
            PeakMemory memory = new PeakMemory();
            memory.sampler.start();
            return memory;
        }

        void stop() {
            running.set(false);
        }

        long peakHeapBytes() {
            return peakHeap.get();
        }

        static long residentHighWaterBytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return 1024L * Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
            return -1;
        }
    }
}
