package dev.centaur.crowd.service;

import dev.centaur.crowd.aggregation.DawidSkene;
import dev.centaur.crowd.repository.ItemRepository;
import dev.centaur.crowd.repository.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;

/** Projects' crowd settings, created or updated by router. */
@ApplicationScoped
public class ProjectService {

    @Inject
    ProjectRepository projects;

    @Inject
    ItemRepository items;

    @Inject
    ItemCompletion completion;

    @Inject
    Clock clock;

    /**
     * Creates the project, or updates its settings. Labels may change only while the project has
     * no items, since stored answers and model distributions refer to them. When the overlap, the
     * max_overlap, the confidence target or the method change, open items that already have
     * enough answers are evaluated again now (and may complete).
     */
    @Transactional
    public Project upsert(ProjectSettings settings) {
        String projectId = settings.projectId();
        String[] labelArray = settings.labels().toArray(String[]::new);
        Instant now = clock.instant();
        boolean created = projects.insertIfAbsent(projectId, labelArray, settings.instructions(), settings.overlap(),
                now);
        Project project = projects.findById(projectId, LockModeType.PESSIMISTIC_WRITE);
        if (created) {
            applyOptions(project, settings);
            return project;
        }
        if (!Arrays.equals(project.labels, labelArray) && items.existsInProject(projectId)) {
            throw CrowdException.failedPrecondition("project " + projectId + " already has items, so its labels "
                    + project.labelList() + " cannot change to " + settings.labels());
        }
        boolean completionRuleChanged = project.overlap != settings.overlap()
                || project.maxOverlap != maxOverlap(settings)
                || project.confidenceTarget != settings.confidenceTarget()
                || !project.aggregationMethod.equals(aggregationMethod(settings));
        boolean changed = completionRuleChanged || !Arrays.equals(project.labels, labelArray)
                || !project.instructions.equals(settings.instructions())
                || project.controlRate != settings.controlRate() || project.minSkill != settings.minSkill();
        if (changed) {
            project.labels = labelArray;
            project.instructions = settings.instructions();
            project.overlap = settings.overlap();
            applyOptions(project, settings);
            project.updatedAt = now;
            if (completionRuleChanged) {
                completion.reevaluateOpenItems(project);
            }
        }
        return project;
    }

    private static void applyOptions(Project project, ProjectSettings settings) {
        project.aggregationMethod = aggregationMethod(settings);
        project.maxOverlap = maxOverlap(settings);
        project.confidenceTarget = settings.confidenceTarget();
        project.controlRate = settings.controlRate();
        project.minSkill = settings.minSkill();
    }

    /** Empty means Dawid-Skene, the default. */
    private static String aggregationMethod(ProjectSettings settings) {
        return settings.aggregationMethod().isEmpty() ? DawidSkene.METHOD : settings.aggregationMethod();
    }

    /** 0 means a fixed overlap. */
    private static int maxOverlap(ProjectSettings settings) {
        return Math.max(settings.overlap(), settings.maxOverlap());
    }

    /** The project, or NOT_FOUND naming its id. */
    public Project require(String projectId) {
        Project project = projects.findById(projectId);
        if (project == null) {
            throw CrowdException.notFound("project_id '" + projectId + "' not found");
        }
        return project;
    }
}
