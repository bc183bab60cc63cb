package dev.centaur.router.service;

import dev.centaur.router.error.NotFoundException;
import dev.centaur.router.repository.FinalLabelCounts;
import dev.centaur.router.repository.FinalLabelRepository;
import dev.centaur.router.repository.ItemCounts;
import dev.centaur.router.repository.ItemRepository;
import dev.centaur.router.repository.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads a project's progress and its final labels. */
@ApplicationScoped
public class LabelQueries {

    @Inject
    ProjectRepository projects;

    @Inject
    ItemRepository items;

    @Inject
    FinalLabelRepository finalLabels;

    /** A project's counts, read in one transaction. */
    public record Progress(ItemCounts items, FinalLabelCounts finalLabels) {
    }

    @Transactional
    public Progress progress(String projectId) {
        requireProject(projectId);
        return new Progress(items.countsForProject(projectId), finalLabels.countsForProject(projectId));
    }

    /** Up to limit final labels with item id after afterItemId ("" for the first page), by item id. */
    @Transactional
    public List<FinalLabelEntity> page(String projectId, String afterItemId, int limit) {
        requireProject(projectId);
        return finalLabels.pageAfter(projectId, afterItemId, limit);
    }

    private void requireProject(String projectId) {
        if (projects.findById(projectId) == null) {
            throw NotFoundException.project(projectId);
        }
    }
}
