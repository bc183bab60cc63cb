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
import java.util.HashMap;
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
        Project project = projects.upsertLabels(projectId, command.labels(), now);
        project.targetAccuracy = command.targetAccuracy();
        project.modelThreshold = command.modelThreshold();
        NewModelLabels newModelLabels = new NewModelLabels(command);
        Map<FinalLabelSource, Integer> received = new EnumMap<>(FinalLabelSource.class);
        Map<FinalLabelSource, Integer> sampled = new EnumMap<>(FinalLabelSource.class);
        List<Review> newReviews = new ArrayList<>();
        int controls = 0;
        int duplicates = 0;
        for (OfferedItem item : command.items()) {
            boolean boosted = newModelLabels.isBoosted(item);
            double rate = item.control() ? 0.0 : boosted ? command.newModelRate() : command.qcRate();
            boolean isSampled = sampler.isSampled(projectId, item.itemId(), rate);
            Optional<Long> offeredLabelId = offeredLabels.insertIfNew(projectId, item, isSampled, rate,
                    command.reviewsPerItem(), now);
            if (offeredLabelId.isEmpty()) {
                duplicates++;
                continue;
            }
            if (item.control()) {
                controls++;
                continue;
            }
            if (boosted) {
                newModelLabels.counted(item);
            }
            received.merge(item.source(), 1, Integer::sum);
            if (isSampled) {
                sampled.merge(item.source(), 1, Integer::sum);
                for (int round = 1; round <= command.reviewsPerItem(); round++) {
                    newReviews.add(Review.open(projectId, offeredLabelId.get(), round, now));
                }
            }
        }
        // Persisted last: pending entities would make every insert above flush and dirty-check them.
        reviews.persist(newReviews);
        return new OfferOutcome(received, sampled, controls, duplicates);
    }

    /**
     * Which MODEL labels are among the first {@code newModelLabels} of their model version, so they
     * are sampled at the higher new-model rate. Counts per version are read once under a lock that
     * concurrent offers of the same version wait for, so no more than N labels are boosted.
     */
    private final class NewModelLabels {
        private final OfferCommand command;
        private final Map<String, Long> seenByVersion = new HashMap<>();

        NewModelLabels(OfferCommand command) {
            this.command = command;
        }

        boolean isBoosted(OfferedItem item) {
            if (command.newModelLabels() == 0 || item.control() || item.source() != FinalLabelSource.MODEL
                    || item.modelVersion().isEmpty()) {
                return false;
            }
            return seen(item.modelVersion()) < command.newModelLabels();
        }

        void counted(OfferedItem item) {
            seenByVersion.merge(item.modelVersion(), 1L, Long::sum);
        }

        private long seen(String modelVersion) {
            return seenByVersion.computeIfAbsent(modelVersion, version -> {
                offeredLabels.lockModelVersion(command.projectId(), version);
                return offeredLabels.countModelLabels(command.projectId(), version, command.newModelLabels());
            });
        }
    }
}
