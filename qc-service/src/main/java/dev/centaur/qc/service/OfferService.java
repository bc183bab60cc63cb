package dev.centaur.qc.service;

import dev.centaur.qc.config.QcConfig;
import dev.centaur.qc.repository.OfferedLabelRepository;
import dev.centaur.qc.repository.ProjectRepository;
import dev.centaur.qc.repository.ReviewRepository;
import dev.centaur.qc.sampling.ReviewSampler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Receives final labels from the router, stores all of them and queues the sampled ones for review. */
@ApplicationScoped
public class OfferService {

    private final ProjectRepository projects;
    private final OfferedLabelRepository offeredLabels;
    private final ReviewRepository reviews;
    private final QcMetrics metrics;
    private final ReviewSampler sampler;

    OfferService(ProjectRepository projects, OfferedLabelRepository offeredLabels, ReviewRepository reviews,
            QcMetrics metrics, QcConfig config) {
        this.projects = projects;
        this.offeredLabels = offeredLabels;
        this.reviews = reviews;
        this.metrics = metrics;
        this.sampler = new ReviewSampler(config.samplingSeed());
    }

    /** Stores the offer in one transaction; counters move only once it is committed. */
    public OfferOutcome offer(OfferCommand command) {
        OfferOutcome outcome = QuarkusTransaction.requiringNew().call(() -> store(command));
        metrics.countOffered(command.projectId(), outcome);
        return outcome;
    }

    private OfferOutcome store(OfferCommand command) {
        Instant now = Instant.now();
        String projectId = command.projectId();
        projects.upsertLabels(projectId, command.labels(), now);
        Map<FinalLabelSource, Integer> received = new EnumMap<>(FinalLabelSource.class);
        Map<FinalLabelSource, Integer> sampled = new EnumMap<>(FinalLabelSource.class);
        List<Review> newReviews = new ArrayList<>();
        int duplicates = 0;
        for (OfferedItem item : command.items()) {
            boolean isSampled = sampler.isSampled(projectId, item.itemId(), command.qcRate());
            Optional<Long> offeredLabelId = offeredLabels.insertIfNew(projectId, item, isSampled, now);
            if (offeredLabelId.isEmpty()) {
                duplicates++;
                continue;
            }
            received.merge(item.source(), 1, Integer::sum);
            if (isSampled) {
                sampled.merge(item.source(), 1, Integer::sum);
                newReviews.add(newReview(projectId, offeredLabelId.get(), now));
            }
        }
        // Persisted last: pending entities would make every insert above flush and dirty-check them.
        reviews.persist(newReviews);
        return new OfferOutcome(received, sampled, duplicates);
    }

    private static Review newReview(String projectId, long offeredLabelId, Instant now) {
        Review review = new Review();
        review.reviewId = UUID.randomUUID();
        review.offeredLabelId = offeredLabelId;
        review.projectId = projectId;
        review.createdAt = now;
        return review;
    }
}
