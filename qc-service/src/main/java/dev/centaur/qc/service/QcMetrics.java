package dev.centaur.qc.service;

import dev.centaur.qc.stats.Proportion;
import dev.centaur.qc.stats.WilsonInterval;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * QC's Prometheus metrics: accuracy gauges per project and source (and "overall"), and counters of
 * offered and sampled labels.
 */
@ApplicationScoped
public class QcMetrics {

    static final String OVERALL_TAG = "overall";

    private final MeterRegistry registry;
    /** Micrometer holds gauge targets weakly: this map keeps them alive. */
    private final ConcurrentMap<Tags, AccuracyGauge> gauges = new ConcurrentHashMap<>();

    QcMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts labels received for the first time and sampled, per source, after they are stored. */
    public void countOffered(String projectId, OfferOutcome outcome) {
        outcome.receivedBySource().forEach((source, count) ->
                registry.counter("centaur.qc.labels.offered", tags(projectId, source.tag())).increment(count));
        outcome.sampledBySource().forEach((source, count) ->
                registry.counter("centaur.qc.labels.sampled", tags(projectId, source.tag())).increment(count));
        if (outcome.duplicates() > 0) {
            registry.counter("centaur.qc.labels.duplicate", Tags.of("project", projectId))
                    .increment(outcome.duplicates());
        }
    }

    /** Sets the project's gauges per source and overall from its answered-review tallies. */
    public void publishAccuracy(String projectId, List<SourceTally> tallies) {
        long reviews = 0;
        long correct = 0;
        for (SourceTally tally : tallies) {
            gauge(projectId, tally.source().tag()).set(WilsonInterval.of95(tally.correct(), tally.reviews()));
            reviews += tally.reviews();
            correct += tally.correct();
        }
        gauge(projectId, OVERALL_TAG).set(WilsonInterval.of95(correct, reviews));
    }

    private AccuracyGauge gauge(String projectId, String sourceTag) {
        return gauges.computeIfAbsent(tags(projectId, sourceTag), this::register);
    }

    private AccuracyGauge register(Tags tags) {
        AccuracyGauge target = new AccuracyGauge();
        Gauge.builder("centaur.qc.accuracy", target, g -> g.current.estimate()).tags(tags)
                .description("Share of reviewed final labels the expert agreed with").register(registry);
        Gauge.builder("centaur.qc.accuracy.lower", target, g -> g.current.lower()).tags(tags)
                .description("Lower bound of the 95% Wilson interval of the accuracy").register(registry);
        Gauge.builder("centaur.qc.accuracy.upper", target, g -> g.current.upper()).tags(tags)
                .description("Upper bound of the 95% Wilson interval of the accuracy").register(registry);
        Gauge.builder("centaur.qc.reviews", target, g -> g.current.trials()).tags(tags)
                .description("Answered expert reviews").register(registry);
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
