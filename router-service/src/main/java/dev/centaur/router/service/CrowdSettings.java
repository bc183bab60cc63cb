package dev.centaur.router.service;

/**
 * The policy's settings that only crowd-service uses (its CrowdProject fields besides labels,
 * instructions and overlap), stored with the project and passed on in UpsertProject as they are.
 *
 * @param aggregationMethod crowd's aggregation method name; empty means crowd's default (DS)
 * @param maxOverlap most answers per crowd item; 0 means a fixed overlap
 * @param confidenceTarget aggregate confidence at which an item stops getting answers; 0 means none
 * @param controlRate share of an annotator's tasks that are control tasks
 * @param minSkill control-task accuracy under which an annotator is suspended; 0 never suspends
 */
public record CrowdSettings(String aggregationMethod, int maxOverlap, double confidenceTarget, double controlRate,
        double minSkill) {

    public static CrowdSettings of(ProjectEntity project) {
        return new CrowdSettings(project.aggregationMethod, project.maxOverlap, project.confidenceTarget,
                project.controlRate, project.minSkill);
    }

    public void applyTo(ProjectEntity project) {
        project.aggregationMethod = aggregationMethod;
        project.maxOverlap = maxOverlap;
        project.confidenceTarget = confidenceTarget;
        project.controlRate = controlRate;
        project.minSkill = minSkill;
    }
}
