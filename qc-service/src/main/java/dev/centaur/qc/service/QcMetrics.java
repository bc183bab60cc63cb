package dev.centaur.qc.service;

import dev.centaur.qc.stats.Proportion;
import dev.centaur.qc.stats.WilsonInterval;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * QC's Prometheus metrics. Accuracy gauges per project and source, where source is a source's tag
 * (model, crowd, hybrid, expert), {@value #OVERALL_TAG} (the share of every decided review, pooled
 * without weights) or {@value #STRATIFIED_TAG} (the stratified estimate of the whole labeled set,
 * each source weighted by its share of offered labels); the drift alert per project and source; and
 * counters of offered, sampled, control and duplicate labels.
 */
@ApplicationScoped
public class QcMetrics {

    static final String OVERALL_TAG = "overall";
    static final String STRATIFIED_TAG = "all";

    private final MeterRegistry registry;
    /** Micrometer holds gauge targets weakly: these maps keep them alive. */
    private final ConcurrentMap<Tags, AccuracyGauge> gauges = new ConcurrentHashMap<>();
    private final ConcurrentMap<Tags, AtomicInteger> driftAlerts = new ConcurrentHashMap<>();

    QcMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts labels received for the first time and sampled, per source, after they are stored. */
    public void countOffered(String projectId, OfferOutcome outcome) {
        outcome.receivedBySource().forEach((source, count) ->
                registry.counter("centaur.qc.labels.offered", tags(projectId, source.tag())).increment(count));
        outcome.sampledBySource().forEach((source, count) ->
                registry.counter("centaur.qc.labels.sampled", tags(projectId, source.tag())).increment(count));
        if (outcome.controls() > 0) {
            registry.counter("centaur.qc.labels.control", Tags.of("project", projectId)).increment(outcome.controls());
        }
        if (outcome.duplicates() > 0) {
            registry.counter("centaur.qc.labels.duplicate", Tags.of("project", projectId))
                    .increment(outcome.duplicates());
        }
    }

    /** Sets the project's gauges per source, pooled overall and stratified. */
    public void publishAccuracy(String projectId, AccuracyEstimates estimates) {
        estimates.sources().forEach(source ->
                gauge(projectId, source.source().tag()).set(source.accuracy()));
        gauge(projectId, OVERALL_TAG).set(estimates.overall().accuracy());
        gauge(projectId, STRATIFIED_TAG).set(estimates.stratified().accuracy());
    }

    /** Sets centaur_qc_drift_alert{project,source} to 1 while the alert holds, else 0. */
    public void publishDriftAlert(DriftAlert alert) {
        Tags tags = tags(alert.projectId(), alert.source().tag());
        driftAlerts.computeIfAbsent(tags, this::registerDriftAlert).set(alert.alert() ? 1 : 0);
    }

    private AtomicInteger registerDriftAlert(Tags tags) {
        AtomicInteger target = new AtomicInteger();
        Gauge.builder("centaur.qc.drift.alert", target, AtomicInteger::get).tags(tags)
                .description("1 when the latest window of decided reviews is significantly less accurate than "
                        + "the one before (one-sided two-proportion z-test), else 0")
                .register(registry);
        return target;
    }

    private AccuracyGauge gauge(String projectId, String sourceTag) {
        return gauges.computeIfAbsent(tags(projectId, sourceTag), this::register);
    }

    private AccuracyGauge register(Tags tags) {
        AccuracyGauge target = new AccuracyGauge();
        Gauge.builder("centaur.qc.accuracy", target, g -> g.current.estimate()).tags(tags)
                .description("Share of reviewed final labels the experts' verdict agreed with "
                        + "(source=\"all\": stratified estimate of the whole labeled set)").register(registry);
        Gauge.builder("centaur.qc.accuracy.lower", target, g -> g.current.lower()).tags(tags)
                .description("Lower bound of the accuracy's 95% (stratified) Wilson interval").register(registry);
        Gauge.builder("centaur.qc.accuracy.upper", target, g -> g.current.upper()).tags(tags)
                .description("Upper bound of the accuracy's 95% (stratified) Wilson interval").register(registry);
        Gauge.builder("centaur.qc.reviews", target, g -> g.current.trials()).tags(tags)
                .description("Sampled labels with a decided expert verdict").register(registry);
        return target;
    }

    private static Tags tags(String projectId, String sourceTag) {
        return Tags.of("project", projectId, "source", sourceTag);
    }

    /** The latest accuracy of one (project, source), read by its four gauges. */
    private static final class AccuracyGauge {
        private volatile Proportion current = WilsonInterval.of95(0, 0);

        void set(Proportion proportion) {
            current = proportion;
        }
    }
}
