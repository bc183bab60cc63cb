package dev.centaur.inference.service;

import dev.centaur.inference.batching.BatchListener;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * Batching metrics of every loaded version: {@code centaur_inference_batch_queue_seconds},
 * {@code centaur_inference_batch_size}, {@code centaur_inference_batch_pass_seconds} and
 * {@code centaur_inference_batch_latency_seconds} (the queue depth gauge is the registry's).
 */
@ApplicationScoped
public class BatchMetrics implements BatchListener {

    private final Timer queueTime;
    private final DistributionSummary batchSize;
    private final Timer passTime;
    private final Timer latency;

    public BatchMetrics(MeterRegistry meters) {
        this.queueTime = Timer.builder("centaur.inference.batch.queue")
                .description("Time an item waited in its model's queue before its forward pass")
                .publishPercentileHistogram()
                .register(meters);
        this.batchSize = DistributionSummary.builder("centaur.inference.batch.size")
                .description("Items in one forward pass")
                .publishPercentileHistogram()
                .register(meters);
        this.passTime = Timer.builder("centaur.inference.batch.pass")
                .description("Time of one batched forward pass")
                .publishPercentileHistogram()
                .register(meters);
        this.latency = Timer.builder("centaur.inference.batch.latency")
                .description("Time from queueing an item to its answer")
                .publishPercentileHistogram()
                .register(meters);
    }

    @Override
    public void queued(long waitNanos) {
        queueTime.record(waitNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void batchRan(int size, long passNanos) {
        batchSize.record(size);
        passTime.record(passNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void completed(long latencyNanos) {
        latency.record(latencyNanos, TimeUnit.NANOSECONDS);
    }
}
