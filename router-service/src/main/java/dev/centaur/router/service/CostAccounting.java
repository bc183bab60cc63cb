package dev.centaur.router.service;

import dev.centaur.router.curve.CostModel;
import dev.centaur.router.curve.CostSummary;
import dev.centaur.router.error.NotFoundException;
import dev.centaur.router.repository.FinalLabelCounts;
import dev.centaur.router.repository.FinalLabelRepository;
import dev.centaur.router.repository.GoldenItemRepository;
import dev.centaur.router.repository.ItemRepository;
import dev.centaur.router.repository.ProjectRepository;
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

    /** What the summary was computed from, besides the summary. */
    public record Cost(CostSummary summary, long modelPredictions, long crowdAnswers) {
    }

    @Transactional
    public Cost costOf(String projectId) {
        ProjectEntity project = projects.findById(projectId);
        if (project == null) {
            throw NotFoundException.project(projectId);
        }
        long predictions = items.countsForProject(projectId).modelPredictions() + golden.countPredicted(projectId);
        FinalLabelCounts labels = finalLabels.countsForProject(projectId);
        CostModel prices = new CostModel(project.pricePer1kPredictions, project.overlap, project.pricePerCrowdAnswer,
                project.qcRate, project.pricePerExpertReview);
        return new Cost(CostSummary.of(prices, predictions, labels.crowdAnswers(), labels.offeredToQc(),
                labels.labeled()), predictions, labels.crowdAnswers());
    }
}
