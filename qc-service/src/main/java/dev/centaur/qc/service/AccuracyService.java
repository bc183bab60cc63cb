package dev.centaur.qc.service;

import static dev.centaur.qc.service.Values.quote;

import dev.centaur.qc.repository.OfferedLabelRepository;
import dev.centaur.qc.repository.ProjectRepository;
import dev.centaur.qc.repository.ReviewRepository;
import dev.centaur.qc.stats.WilsonInterval;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Measured accuracy of final labels per project and source, from the answered reviews. */
@ApplicationScoped
public class AccuracyService {

    private final ProjectRepository projects;
    private final OfferedLabelRepository offeredLabels;
    private final ReviewRepository reviews;
    private final QcMetrics metrics;

    AccuracyService(ProjectRepository projects, OfferedLabelRepository offeredLabels, ReviewRepository reviews,
            QcMetrics metrics) {
        this.projects = projects;
        this.offeredLabels = offeredLabels;
        this.reviews = reviews;
        this.metrics = metrics;
    }

    @Transactional
    public AccuracyReport report(String projectId) {
        if (!projects.exists(projectId)) {
            throw new NotFoundException("project_id " + quote(projectId) + " not found");
        }
        List<SourceTally> tallies = reviews.answeredTallies(Optional.of(projectId));
        Map<FinalLabelSource, Long> offered = offeredLabels.countBySource(projectId);
        List<SourceAccuracy> sources = new ArrayList<>();
        long reviewed = 0;
        long correct = 0;
        for (SourceTally tally : tallies.stream().sorted(Comparator.comparing(SourceTally::source)).toList()) {
            sources.add(new SourceAccuracy(tally.source(), offered.getOrDefault(tally.source(), 0L),
                    WilsonInterval.of95(tally.correct(), tally.reviews())));
            reviewed += tally.reviews();
            correct += tally.correct();
        }
        long offeredTotal = offered.values().stream().mapToLong(Long::longValue).sum();
        SourceAccuracy overall = new SourceAccuracy(null, offeredTotal, WilsonInterval.of95(correct, reviewed));
        return new AccuracyReport(projectId, sources, overall, offeredTotal, reviews.countSampled(projectId),
                reviewed);
    }

    /** Brings the project's accuracy gauges up to date, e.g. right after one of its reviews. */
    public void publish(String projectId) {
        metrics.publishAccuracy(projectId, QuarkusTransaction.requiringNew().call(
                () -> reviews.answeredTallies(Optional.of(projectId))));
    }

    /**
     * Rebuilds every project's gauges from the database: at start, so a restart loses nothing,
     * and periodically, so each replica also shows reviews answered on the others.
     */
    @Scheduled(every = "${centaur.qc.metrics-refresh}", delayed = "${centaur.qc.metrics-refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void publishAll() {
        List<SourceTally> tallies = QuarkusTransaction.requiringNew().call(
                () -> reviews.answeredTallies(Optional.empty()));
        Map<String, List<SourceTally>> byProject = tallies.stream()
                .collect(Collectors.groupingBy(SourceTally::projectId));
        byProject.forEach(metrics::publishAccuracy);
    }

    void publishAtStart(@Observes StartupEvent start) {
        publishAll();
    }
}
