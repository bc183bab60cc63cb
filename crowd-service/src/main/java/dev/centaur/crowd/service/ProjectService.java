package dev.centaur.crowd.service;

import dev.centaur.crowd.repository.ItemRepository;
import dev.centaur.crowd.repository.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

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
     * Creates the project, or updates its instructions and overlap. Labels may change only while
     * the project has no items, since stored answers and model distributions refer to them. When
     * the overlap drops, items that already have enough answers are completed now.
     */
    @Transactional
    public Project upsert(String projectId, List<String> labels, String instructions, int overlap) {
        String[] labelArray = labels.toArray(String[]::new);
        Instant now = clock.instant();
        boolean created = projects.insertIfAbsent(projectId, labelArray, instructions, overlap, now);
        Project project = projects.findById(projectId, LockModeType.PESSIMISTIC_WRITE);
        if (created) {
            return project;
        }
        if (!Arrays.equals(project.labels, labelArray) && items.existsInProject(projectId)) {
            throw CrowdException.failedPrecondition("project " + projectId + " already has items, so its labels "
                    + project.labelList() + " cannot change to " + labels);
        }
        boolean changed = !Arrays.equals(project.labels, labelArray)
                || !project.instructions.equals(instructions) || project.overlap != overlap;
        if (changed) {
            boolean overlapDropped = overlap < project.overlap;
            project.labels = labelArray;
            project.instructions = instructions;
            project.overlap = overlap;
            project.updatedAt = now;
            if (overlapDropped) {
                completion.completeItemsThatReachedOverlap(project);
            }
        }
        return project;
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
