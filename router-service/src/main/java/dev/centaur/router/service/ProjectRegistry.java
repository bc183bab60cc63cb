package dev.centaur.router.service;

import dev.centaur.router.error.AlreadyExistsException;
import dev.centaur.router.error.NotFoundException;
import dev.centaur.router.repository.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Creates and reads projects. A new project is marked for the crowd outbox in the same insert,
 * so creation never waits for crowd-service, and crowd learns the settings once it is up.
 */
@ApplicationScoped
public class ProjectRegistry {

    @Inject
    ProjectRepository projects;

    /** The project's fields are validated by the caller; only the id's uniqueness is checked here. */
    @Transactional
    public ProjectEntity create(ProjectEntity project) {
        project.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        project.crowdSynced = false;
        if (!projects.insertIfAbsent(project)) {
            throw new AlreadyExistsException("project \"" + project.projectId + "\" already exists");
        }
        return project;
    }

    @Transactional
    public ProjectEntity get(String projectId) {
        ProjectEntity project = projects.findById(projectId);
        if (project == null) {
            throw NotFoundException.project(projectId);
        }
        return project;
    }

    @Transactional
    public List<ProjectEntity> list() {
        return projects.listAllById();
    }
}
