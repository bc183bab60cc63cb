package dev.centaur.router.service;

import dev.centaur.router.error.NotFoundException;
import dev.centaur.router.repository.ItemRepository;
import dev.centaur.router.repository.ProjectRepository;
import dev.centaur.router.tracing.ItemTraces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Stores submitted items; routing picks them up in the background. */
@ApplicationScoped
public class ItemSubmission {

    @Inject
    ProjectRepository projects;

    @Inject
    ItemRepository items;

    @Inject
    RouterMetrics metrics;

    /** Counts of one SubmitItems call. */
    public record Outcome(int created, int duplicates) {
    }

    /**
     * Stores the (validated) items in one transaction; items that exist are left as they are.
     * Returns after the commit, so an acknowledged item is never lost.
     */
    public Outcome submit(String projectId, List<NewItem> newItems) {
        String traceParent = ItemTraces.currentTraceParent();
        int created = QuarkusTransaction.requiringNew().call(() -> {
            if (projects.findById(projectId) == null) {
                throw NotFoundException.project(projectId);
            }
            return items.insertIfAbsent(projectId, newItems, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    traceParent);
        });
        metrics.itemsSubmitted(projectId, created);
        return new Outcome(created, newItems.size() - created);
    }
}
