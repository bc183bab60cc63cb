package dev.centaur.qc.service;

import java.util.List;

/**
 * A project's measured accuracy: per source (those with decided reviews), pooled over every review
 * ({@code overall}), stratified over the whole labeled set ({@code stratified}, with the share of
 * offered labels its strata cover), per label value and per model version, with the counts behind.
 */
public record AccuracyReport(
        String projectId,
        List<SourceAccuracy> sources,
        SourceAccuracy overall,
        SourceAccuracy stratified,
        double reviewedWeight,
        List<GroupAccuracy> labels,
        List<GroupAccuracy> modelVersions,
        long offered,
        long sampled,
        long reviewed,
        long pending,
        long corrections) {
}
