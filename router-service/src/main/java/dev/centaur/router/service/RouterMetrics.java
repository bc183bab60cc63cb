package dev.centaur.router.service;

import dev.centaur.router.repository.FinalLabelRepository;
import dev.centaur.router.repository.ItemRepository;
import dev.centaur.router.repository.ProjectRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The centaur_router_* metrics. Backlog gauges are recounted by a worker, never while the metrics
 * endpoint is scraped, so a scrape does not touch the database.
 */
@ApplicationScoped
public class RouterMetrics {

    private static final String BACKLOG = "centaur.router.outbox.backlog";

    @Inject
    MeterRegistry registry;

    @Inject
    ProjectRepository projects;

    @Inject
    ItemRepository items;

    @Inject
    FinalLabelRepository finalLabels;

    private final AtomicLong itemsAwaitingModel = new AtomicLong();
    private final AtomicLong projectsAwaitingCrowd = new AtomicLong();
    private final AtomicLong itemsAwaitingCrowd = new AtomicLong();
    private final AtomicLong labelsAwaitingQc = new AtomicLong();

    @PostConstruct
    void registerGauges() {
        Gauge.builder("centaur.router.items.awaiting.model", itemsAwaitingModel, AtomicLong::get)
                .description("Items stored and not yet routed by the model").register(registry);
        Gauge.builder(BACKLOG, projectsAwaitingCrowd, AtomicLong::get).tag("outbox", "crowd_projects")
                .description("Hand-offs written and not yet acknowledged by the peer").register(registry);
        Gauge.builder(BACKLOG, itemsAwaitingCrowd, AtomicLong::get).tag("outbox", "crowd_items")
                .description("Hand-offs written and not yet acknowledged by the peer").register(registry);
        Gauge.builder(BACKLOG, labelsAwaitingQc, AtomicLong::get).tag("outbox", "qc_labels")
                .description("Hand-offs written and not yet acknowledged by the peer").register(registry);
    }

    public void itemsSubmitted(String projectId, int count) {
        registry.counter("centaur.router.items.submitted", "project", projectId).increment(count);
    }

    public void itemsRoutedToModel(String projectId, int count) {
        itemsRouted(projectId, "model", count);
    }

    public void itemsRoutedToCrowd(String projectId, int count) {
        itemsRouted(projectId, "crowd", count);
    }

    public void finalLabelRecorded(String projectId, LabelSourceName source) {
        registry.counter("centaur.router.final.labels", "project", projectId, "source", source.name()).increment();
    }

    /** Spend as it happens, at the prices of the moment: kind model, crowd or expert. */
    public void modelPredictions(ProjectEntity project, int predictions) {
        cost(project.projectId, "model", predictions * project.pricePer1kPredictions / 1000);
    }

    public void crowdAnswers(ProjectEntity project, int answers) {
        cost(project.projectId, "crowd", answers * project.pricePerCrowdAnswer);
    }

    /** Expert spend as qc's verdicts report the reviews done; each verdict counted once, by result. */
    public void expertReviews(ProjectEntity project, String result, int reviews) {
        registry.counter("centaur.router.qc.verdicts", "project", project.projectId, "result", result).increment();
        registry.counter("centaur.router.expert.reviews", "project", project.projectId).increment(reviews);
        cost(project.projectId, "expert", reviews * project.pricePerExpertReview);
    }

    @Transactional
    public void refreshBacklog() {
        itemsAwaitingModel.set(items.countInState(ItemStatus.NEW));
        projectsAwaitingCrowd.set(projects.countAwaitingCrowdSync());
        itemsAwaitingCrowd.set(items.countInState(ItemStatus.TO_CROWD));
        labelsAwaitingQc.set(finalLabels.countAwaitingQc());
    }

    private void cost(String projectId, String kind, double amount) {
        registry.counter("centaur.router.cost", "project", projectId, "kind", kind).increment(amount);
    }

    private void itemsRouted(String projectId, String destination, int count) {
        if (count > 0) {
            registry.counter("centaur.router.items.routed", "project", projectId, "destination", destination)
                    .increment(count);
        }
    }
}
