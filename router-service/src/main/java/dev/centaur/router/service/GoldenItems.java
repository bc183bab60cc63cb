package dev.centaur.router.service;

import dev.centaur.router.config.RouterConfig;
import dev.centaur.router.error.InvalidArgumentException;
import dev.centaur.router.error.NotFoundException;
import dev.centaur.router.repository.GoldenItemRepository;
import dev.centaur.router.repository.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Stores golden items (idempotent per id) and reads them back for training. */
@ApplicationScoped
public class GoldenItems {

    /** How many golden items a call stored, and how many it found stored already. */
    public record Outcome(int created, int duplicates) {
    }

    @Inject
    RouterConfig config;

    @Inject
    ProjectRepository projects;

    @Inject
    GoldenItemRepository golden;

    /** The items' form is validated by the caller; their gold labels are checked here, all before storing. */
    @Transactional
    public Outcome add(String projectId, List<NewGoldenItem> items) {
        ProjectEntity project = requireProject(projectId);
        for (int i = 0; i < items.size(); i++) {
            String label = items.get(i).goldLabel();
            if (!project.labelList().contains(label)) {
                throw new InvalidArgumentException("items[" + i + "].gold_label \"" + label
                        + "\" is not one of project " + projectId + "'s labels " + project.labelList());
            }
        }
        int created = golden.insertIfAbsent(projectId, items, config.golden().holdoutShare(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return new Outcome(created, items.size() - created);
    }

    /** Up to limit golden items with id after afterItemId ("" for the first page), by id. */
    @Transactional
    public List<GoldenItemEntity> page(String projectId, String afterItemId, boolean includeHoldout, int limit) {
        requireProject(projectId);
        return golden.pageAfter(projectId, afterItemId, includeHoldout, limit);
    }

    private ProjectEntity requireProject(String projectId) {
        ProjectEntity project = projects.findById(projectId);
        if (project == null) {
            throw NotFoundException.project(projectId);
        }
        return project;
    }
}
