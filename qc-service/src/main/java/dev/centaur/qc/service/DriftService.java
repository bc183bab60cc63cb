package dev.centaur.qc.service;

import static dev.centaur.qc.service.Values.quote;

import dev.centaur.qc.config.QcConfig;
import dev.centaur.qc.repository.OfferedLabelRepository;
import dev.centaur.qc.repository.ProjectRepository;
import dev.centaur.qc.stats.DriftDetector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The drift view: accuracy over consecutive windows of decided reviews in time order, per project
 * and source, and an alert when the latest window is significantly worse than the one before.
 */
@ApplicationScoped
public class DriftService {

    /** The alert compares the latest window with the one before: two windows are all it reads. */
    private static final int ALERT_WINDOWS = 2;

    private final ProjectRepository projects;
    private final OfferedLabelRepository offeredLabels;
    private final QcConfig.Drift config;

    DriftService(ProjectRepository projects, OfferedLabelRepository offeredLabels, QcConfig config) {
        this.projects = projects;
        this.offeredLabels = offeredLabels;
        this.config = config.drift();
    }

    /** The project's windows of {@code windowSize} (empty: the configured size), per source or of one. */
    @Transactional
    public DriftReport report(String projectId, Optional<Integer> windowSize, Optional<FinalLabelSource> source) {
        if (!projects.exists(projectId)) {
            throw new NotFoundException("project_id " + quote(projectId) + " not found");
        }
        int size = windowSize.orElse(config.windowSize());
        DriftDetector detector = new DriftDetector(size, config.maxWindows(), config.alpha());
        List<SourceDrift> sources = new ArrayList<>();
        byStratum(offeredLabels.recentVerdicts(Optional.of(projectId), source, detector.reviewsNeeded()))
                .forEach((key, verdicts) -> sources.add(analyse(key.source(), verdicts, detector)));
        sources.sort(Comparator.comparing(SourceDrift::source));
        return new DriftReport(projectId, size, config.alpha(), sources);
    }

    /** The alert of every (project, source) with verdicts, at the configured window size. */
    @Transactional
    public List<DriftAlert> alerts(Optional<String> projectId) {
        DriftDetector detector = new DriftDetector(config.windowSize(), ALERT_WINDOWS, config.alpha());
        List<DriftAlert> alerts = new ArrayList<>();
        byStratum(offeredLabels.recentVerdicts(projectId, Optional.empty(), detector.reviewsNeeded()))
                .forEach((key, verdicts) -> alerts.add(new DriftAlert(key.projectId(), key.source(),
                        analyse(key.source(), verdicts, detector).alert())));
        return alerts;
    }

    private static SourceDrift analyse(FinalLabelSource source, List<Verdict> verdicts, DriftDetector detector) {
        boolean[] correct = new boolean[verdicts.size()];
        for (int i = 0; i < correct.length; i++) {
            correct[i] = verdicts.get(i).correct();
        }
        DriftDetector.Result result = detector.analyse(correct);
        List<DriftWindow> windows = result.windows().stream().map(window -> new DriftWindow(window.accuracy(),
                verdicts.get(window.first()).decidedAt(), verdicts.get(window.last()).decidedAt())).toList();
        return new SourceDrift(source, windows, result.z(), result.pValue(), result.alert());
    }

    /** Verdicts grouped by (project, source), keeping the repository's time order. */
    private static Map<DriftAlert.Key, List<Verdict>> byStratum(List<Verdict> verdicts) {
        Map<DriftAlert.Key, List<Verdict>> grouped = new LinkedHashMap<>();
        for (Verdict verdict : verdicts) {
            grouped.computeIfAbsent(new DriftAlert.Key(verdict.projectId(), verdict.source()), key -> new ArrayList<>())
                    .add(verdict);
        }
        return grouped;
    }
}
