package dev.centaur.router.service;

import dev.centaur.router.curve.CostModel;
import dev.centaur.router.curve.CostSummary;
import dev.centaur.router.error.NotFoundException;
import dev.centaur.router.repository.FinalLabelCounts;
import dev.centaur.router.repository.FinalLabelRepository;
import dev.centaur.router.repository.GoldenItemRepository;
import dev.centaur.router.repository.GoldenProbeRepository;
import dev.centaur.router.repository.ItemRepository;
import dev.centaur.router.repository.ProjectRepository;
import dev.centaur.router.repository.QcVerdictRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A project's spend so far from its counts, read in one transaction and valued at the current
 * prices (the cost metrics count each event at the prices of its moment).
 */
@ApplicationScoped
public class CostAccounting {

    @Inject
    ProjectRepository projects;

    @Inject
    ItemRepository items;

    @Inject
    GoldenItemRepository golden;

    @Inject
    FinalLabelRepository finalLabels;

    @Inject
    QcVerdictRepository verdicts;

    @Inject
    GoldenProbeRepository probes;

    /** The summary and what it was computed from. */
    public record Cost(CostSummary summary, CostSummary.Counts counts, long reviewedLabels) {
    }

    @Transactional
    public Cost costOf(String projectId) {
        ProjectEntity project = projects.findById(projectId);
        if (project == null) {
            throw NotFoundException.project(projectId);
        }
        long predictions = items.countsForProject(projectId).modelPredictions() + golden.countPredicted(projectId);
        FinalLabelCounts labels = finalLabels.countsForProject(projectId);
        QcVerdictRepository.ReviewCounts reviews = verdicts.countsForProject(projectId);
        CostModel prices = new CostModel(project.pricePer1kPredictions, project.overlap, project.pricePerCrowdAnswer,
                project.qcRate, project.pricePerExpertReview);
        CostSummary.Counts counts = new CostSummary.Counts(predictions, labels.crowdAnswers(),
                probes.countAnswers(projectId), labels.offeredToQc(), reviews.reviews(), labels.labeled());
        return new Cost(CostSummary.of(prices, counts), counts, reviews.reviewedLabels());
    }
}
