package dev.centaur.router.service;

import dev.centaur.router.error.InvalidArgumentException;
import dev.centaur.router.error.NotFoundException;
import dev.centaur.router.repository.PolicyChangeRepository;
import dev.centaur.router.repository.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Changes projects' policies and records every change. The project row is locked first, so
 * concurrent changes (a user, the curve worker, qc) apply one after the other, each on the last.
 */
@ApplicationScoped
public class PolicyService {

    /** A project with the policy it has after the call, and whether the call changed it. */
    public record Outcome(ProjectEntity project, boolean changed) {
    }

    @Inject
    ProjectRepository projects;

    @Inject
    PolicyChangeRepository changes;

    /** The user's new policy; fields are validated by the caller, label names here. */
    @Transactional
    public Outcome setPolicy(String projectId, PolicySettings policy, String reason) {
        ProjectEntity project = locked(projectId);
        for (String label : policy.labelThresholds().keySet()) {
            if (!project.labelList().contains(label)) {
                throw new InvalidArgumentException("policy.label_thresholds key \"" + label
                        + "\" is not one of project " + projectId + "'s labels " + project.labelList());
            }
        }
        boolean crowdSettingsChanged = PolicySettings.of(project).crowdSettingsDiffer(policy);
        boolean changed = change(project, policy, PolicyChangeEntity.Actor.USER, reason);
        if (crowdSettingsChanged) {
            // The crowd outbox pushes the new settings (UpsertProject) before any more items.
            project.crowdSynced = false;
        }
        if (changed) {
            // A new mode or target takes effect with the evidence there is, not only with new evidence.
            projects.markCurveStale(projectId);
        }
        return new Outcome(project, changed);
    }

    /**
     * Every label's effective threshold becomes at least minThreshold, now and later (the floor);
     * nothing changes when the lowest one already is.
     */
    @Transactional
    public Outcome raiseThreshold(String projectId, double minThreshold, String evidence) {
        ProjectEntity project = locked(projectId);
        double lowest = Arrays.stream(project.thresholdByLabel()).min().orElse(project.threshold);
        if (minThreshold <= lowest) {
            return new Outcome(project, false);
        }
        PolicySettings old = PolicySettings.of(project);
        PolicySettings raised = old.withThresholds(Math.max(project.threshold, minThreshold),
                Math.max(project.minThreshold, minThreshold));
        change(project, raised, PolicyChangeEntity.Actor.AUTOMATIC, String.format(Locale.ROOT,
                "RaiseThreshold to %s (lowest effective threshold was %s): %s", minThreshold, lowest, evidence));
        return new Outcome(project, true);
    }

    /**
     * The curve's choice becomes the global threshold (never under the floor), recorded with the
     * evidence; the caller holds the project row.
     *
     * @return whether the threshold changed
     */
    public boolean applyOperatingPoint(ProjectEntity project, double chosenThreshold, String evidence) {
        double threshold = Math.max(chosenThreshold, project.minThreshold);
        PolicySettings old = PolicySettings.of(project);
        return change(project, old.withThresholds(threshold, project.minThreshold), PolicyChangeEntity.Actor.AUTOMATIC,
                evidence);
    }

    @Transactional
    public List<PolicyChangeEntity> history(String projectId) {
        if (projects.findById(projectId) == null) {
            throw NotFoundException.project(projectId);
        }
        return changes.history(projectId);
    }

    private ProjectEntity locked(String projectId) {
        return projects.lockForPolicyChange(projectId).orElseThrow(() -> NotFoundException.project(projectId));
    }

    private boolean change(ProjectEntity project, PolicySettings updated, PolicyChangeEntity.Actor actor,
            String reason) {
        PolicySettings old = PolicySettings.of(project);
        if (old.equals(updated)) {
            return false;
        }
        updated.applyTo(project);
        PolicyChangeEntity change = new PolicyChangeEntity();
        change.projectId = project.projectId;
        change.changedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        change.actor = actor;
        change.oldPolicy = old.toJson();
        change.newPolicy = updated.toJson();
        change.reason = reason;
        changes.persist(change);
        return true;
    }
}
