package dev.centaur.qc.service;

import static dev.centaur.qc.service.Values.quote;

import dev.centaur.qc.config.QcConfig;
import dev.centaur.qc.repository.OfferedLabelRepository;
import dev.centaur.qc.repository.ProjectRepository;
import dev.centaur.qc.repository.ReviewRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Leases reviews to experts and records their answers. */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    private final ProjectRepository projects;
    private final OfferedLabelRepository offeredLabels;
    private final ReviewRepository reviews;
    private final AccuracyService accuracy;
    private final QcConfig config;

    ReviewService(ProjectRepository projects, OfferedLabelRepository offeredLabels, ReviewRepository reviews,
            AccuracyService accuracy, QcConfig config) {
        this.projects = projects;
        this.offeredLabels = offeredLabels;
        this.reviews = reviews;
        this.accuracy = accuracy;
        this.config = config;
    }

    /**
     * The review the expert already holds (so a retried call loses nothing), or else the oldest open
     * one, leased to the expert; empty when none is open.
     */
    @Transactional
    public Optional<LeasedReview> next(String expertId, Optional<String> projectId) {
        projectId.ifPresent(this::requireProject);
        Instant now = Instant.now();
        reviews.lockExpert(expertId);
        Optional<Review> held = reviews.findHeldBy(expertId, projectId, now);
        if (held.isPresent()) {
            return held.map(this::toLeased);
        }
        return reviews.lockOldestOpen(projectId, now).map(review -> {
            review.leaseTo(expertId, now.plus(config.lease()));
            return toLeased(review);
        });
    }

    /**
     * Records the expert's label for a review they hold and whether the final label was right;
     * the project's accuracy gauges are updated once that is committed.
     */
    public boolean submit(String expertId, String reviewId, String label) {
        Review answered = QuarkusTransaction.requiringNew().call(() -> answer(expertId, reviewId, label));
        try {
            accuracy.publish(answered.projectId);
        } catch (RuntimeException e) {
            // The answer is committed; failing the call now would make a retry look like a double answer.
            // The periodic rebuild catches the gauges up.
            LOG.warnf(e, "accuracy gauges of project %s not updated after review %s", answered.projectId, reviewId);
        }
        return answered.finalLabelCorrect;
    }

    private Review answer(String expertId, String reviewId, String label) {
        Review review = parseReviewId(reviewId).flatMap(reviews::findForUpdate)
                .orElseThrow(() -> new NotFoundException("review_id " + quote(reviewId) + " not found"));
        Project project = projects.findById(review.projectId);
        if (!project.labels.contains(label)) {
            throw new InvalidRequestException("label " + quote(label) + " is not one of project "
                    + quote(project.projectId) + "'s labels " + project.labels);
        }
        Instant now = Instant.now();
        if (review.isAnswered()) {
            throw new PreconditionFailedException("review_id " + quote(reviewId) + " was already answered");
        }
        if (review.expertId == null) {
            throw new PreconditionFailedException("review_id " + quote(reviewId) + " is not leased to expert_id "
                    + quote(expertId) + ": take it with NextReview first");
        }
        if (!review.expertId.equals(expertId)) {
            throw new PreconditionFailedException("review_id " + quote(reviewId)
                    + " is leased to another expert, not to expert_id " + quote(expertId));
        }
        if (!review.isLeaseLiveAt(now)) {
            throw new PreconditionFailedException("the lease of review_id " + quote(reviewId) + " by expert_id "
                    + quote(expertId) + " expired at " + review.leaseExpiresAt + ": take a review with NextReview");
        }
        OfferedLabel offered = offeredLabels.findById(review.offeredLabelId);
        review.answer(label, offered.finalLabel.equals(label), now);
        return review;
    }

    private LeasedReview toLeased(Review review) {
        OfferedLabel offered = offeredLabels.findById(review.offeredLabelId);
        Project project = projects.findById(review.projectId);
        return new LeasedReview(review.reviewId, review.projectId, offered.itemId,
                new Content(offered.text, offered.textA, offered.textB), project.labels, review.leaseExpiresAt);
    }

    private void requireProject(String projectId) {
        if (!projects.exists(projectId)) {
            throw new NotFoundException("project_id " + quote(projectId) + " not found");
        }
    }

    /** A malformed id cannot name a review, so it is simply not found. */
    private static Optional<UUID> parseReviewId(String reviewId) {
        try {
            return Optional.of(UUID.fromString(reviewId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
