package dev.centaur.qc.service;

import java.util.List;

/** A project's accuracy per source (those with reviews) and overall, with its sample counts. */
public record AccuracyReport(
        String projectId,
        List<SourceAccuracy> sources,
        SourceAccuracy overall,
        long offered,
        long sampled,
        long reviewed) {
}
