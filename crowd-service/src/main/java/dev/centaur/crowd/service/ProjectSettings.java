package dev.centaur.crowd.service;

import java.util.List;

/** The settings of a project as UpsertProject sends them (validated). */
public record ProjectSettings(String projectId, List<String> labels, String instructions, int overlap,
        String aggregationMethod, int maxOverlap, double confidenceTarget, double controlRate, double minSkill) {
}
