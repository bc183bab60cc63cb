package dev.centaur.systemtests;

import dev.centaur.cli.launch.ServiceProcess;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a service did between SIGTERM and its exit, seen from outside: its readiness and one
 * ordinary call (the probe), sampled in a loop until the process is gone.
 */
final class ShutdownObservation {

    /** What the probe call did: OK, or the status it failed with. */
    record ProbeResult(Status.Code code, String description) {

        static ProbeResult ok() {
            return new ProbeResult(Status.Code.OK, "");
        }

        static ProbeResult of(StatusRuntimeException e) {
            return new ProbeResult(e.getStatus().getCode(), String.valueOf(e.getStatus().getDescription()));
        }
    }

    /** A probe: one call to the service, returning how it went. */
    @FunctionalInterface
    interface Probe {
        ProbeResult call();
    }

    /** One round: the readiness HTTP status (0 when the connection was refused) and the probe's result. */
    record Sample(long millisAfterSigterm, int readiness, ProbeResult probe) {
    }

    /** Kubernetes' default terminationGracePeriodSeconds, as in k8s/. */
    static final Duration GRACE_PERIOD = Duration.ofSeconds(30);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SAMPLE_PAUSE = Duration.ofMillis(50);

    final String service;
    final List<Sample> samples;
    /** Null when the process outlived the grace period. */
    final Long exitMillisAfterSigterm;

    private ShutdownObservation(String service, List<Sample> samples, Long exitMillisAfterSigterm) {
        this.service = service;
        this.samples = samples;
        this.exitMillisAfterSigterm = exitMillisAfterSigterm;
    }

    /** Sends SIGTERM to the service and samples it until it exits or the grace period ends. */
    static ShutdownObservation sigterm(ServiceProcess target, Probe probe) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
        List<Sample> samples = new ArrayList<>();
        Process process = target.process();
        long start = System.nanoTime();
        process.destroy();
        long deadline = start + GRACE_PERIOD.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            int readiness = readiness(http, target.port());
            ProbeResult result = probe.call();
            if (process.isAlive()) {
                samples.add(new Sample(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), readiness, result));
            }
            Rpc.sleep(SAMPLE_PAUSE);
        }
        try {
            process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Long exit = process.isAlive() ? null : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new ShutdownObservation(target.service().module(), List.copyOf(samples), exit);
    }

    private static int readiness(HttpClient http, int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(HTTP_TIMEOUT).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The first sample in which readiness answered 503 (DOWN) while the process was alive. */
    Optional<Sample> firstReadinessDown() {
        return samples.stream().filter(sample -> sample.readiness() == 503).findFirst();
    }

    /** Samples taken while readiness was DOWN in which the probe was still served. */
    long servedWhileDown() {
        return samples.stream().filter(s -> s.readiness() == 503 && s.probe().code() == Status.Code.OK).count();
    }

    /** Probe failures other than the retryable UNAVAILABLE (an INTERNAL here is a shutdown bug). */
    List<Sample> unexpectedFailures() {
        return samples.stream().filter(s -> s.probe().code() != Status.Code.OK && s.probe().code() != Status.Code.UNAVAILABLE)
                .toList();
    }

    boolean anyProbe(Status.Code code, String descriptionFragment) {
        return samples.stream().anyMatch(s -> s.probe().code() == code && s.probe().description().contains(descriptionFragment));
    }

    String describe() {
        StringBuilder text = new StringBuilder(service + " after SIGTERM (ms: readiness, probe):");
        Sample previous = null;
        for (Sample sample : samples) {
            // Only the changes, so a long drain stays readable.
            if (previous == null || previous.readiness() != sample.readiness() || !previous.probe().equals(sample.probe())) {
                text.append(String.format(" [%d: %d, %s %s]", sample.millisAfterSigterm(), sample.readiness(),
                        sample.probe().code(), sample.probe().description()));
            }
            previous = sample;
        }
        return text.append(exitMillisAfterSigterm == null ? " still running" : " exited at " + exitMillisAfterSigterm + " ms")
                .toString();
    }
}
