package dev.centaur.qc.service;

import static dev.centaur.qc.service.Values.quote;

import dev.centaur.qc.repository.OfferedLabelRepository;
import dev.centaur.qc.repository.ProjectRepository;
import dev.centaur.qc.stats.WilsonInterval;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Measured accuracy of final labels per project, from the experts' decided verdicts. */
@ApplicationScoped
public class AccuracyService {

    private final ProjectRepository projects;
    private final OfferedLabelRepository offeredLabels;
    private final CorrectionService corrections;
    private final DriftService drift;
    private final QcMetrics metrics;

    AccuracyService(ProjectRepository projects, OfferedLabelRepository offeredLabels, CorrectionService corrections,
            DriftService drift, QcMetrics metrics) {
        this.projects = projects;
        this.offeredLabels = offeredLabels;
        this.corrections = corrections;
        this.drift = drift;
        this.metrics = metrics;
    }

    @Transactional
    public AccuracyReport report(String projectId) {
        if (!projects.exists(projectId)) {
            throw new NotFoundException("project_id " + quote(projectId) + " not found");
        }
        List<StratumTally> strata = offeredLabels.strata(Optional.of(projectId));
        AccuracyEstimates estimates = AccuracyEstimates.of(strata);
        long sampled = strata.stream().mapToLong(StratumTally::sampled).sum();
        long decided = strata.stream().mapToLong(StratumTally::decided).sum();
        return new AccuracyReport(projectId, estimates.sources(), estimates.overall(), estimates.stratified(),
                estimates.reviewedWeight(),
                groups(offeredLabels.tallyByLabel(projectId)),
                groups(offeredLabels.tallyByModelVersion(projectId)),
                estimates.overall().offered(), sampled, decided, sampled - decided, corrections.count(projectId));
    }

    private static List<GroupAccuracy> groups(List<GroupTally> tallies) {
        return tallies.stream().map(tally -> new GroupAccuracy(tally.group(), tally.offered(),
                WilsonInterval.of95(tally.correct(), tally.decided()))).toList();
    }

    /** Brings the project's accuracy and drift gauges up to date, e.g. right after a verdict. */
    public void publish(String projectId) {
        QuarkusTransaction.requiringNew().run(() -> {
            metrics.publishAccuracy(projectId, AccuracyEstimates.of(offeredLabels.strata(Optional.of(projectId))));
            drift.alerts(Optional.of(projectId)).forEach(metrics::publishDriftAlert);
        });
    }

    /**
     * Rebuilds every project's gauges from the database: at start, so a restart loses nothing,
     * and periodically, so each replica also shows reviews answered on the others.
     */
    @Scheduled(every = "${centaur.qc.metrics-refresh}", delayed = "${centaur.qc.metrics-refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void publishAll() {
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, List<StratumTally>> byProject = offeredLabels.strata(Optional.empty()).stream()
                    .collect(Collectors.groupingBy(StratumTally::projectId));
            byProject.forEach((projectId, strata) -> {
                // Projects without a verdict have nothing to show: no gauges, so scrapes stay small.
                if (strata.stream().anyMatch(stratum -> stratum.decided() > 0)) {
                    metrics.publishAccuracy(projectId, AccuracyEstimates.of(strata));
                }
            });
            drift.alerts(Optional.empty()).forEach(metrics::publishDriftAlert);
        });
    }

    void publishAtStart(@Observes StartupEvent start) {
        publishAll();
    }
}
