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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Leases reviews to experts and records their answers. A sampled label needs one review, or two by
 * different experts; when the two disagree a third expert's answer decides (it is then also the
 * majority whenever there is one). The decided verdict counts in the accuracy figures, and a
 * verdict that differs from the final label is recorded as a correction.
 */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);
    private static final int THIRD_ROUND = 3;

    private final ProjectRepository projects;
    private final OfferedLabelRepository offeredLabels;
    private final ReviewRepository reviews;
    private final CorrectionService corrections;
    private final VerdictService verdicts;
    private final AccuracyService accuracy;
    private final ThresholdFeedback feedback;
    private final QcConfig config;

    ReviewService(ProjectRepository projects, OfferedLabelRepository offeredLabels, ReviewRepository reviews,
            CorrectionService corrections, VerdictService verdicts, AccuracyService accuracy, ThresholdFeedback feedback,
            QcConfig config) {
        this.projects = projects;
        this.offeredLabels = offeredLabels;
        this.reviews = reviews;
        this.corrections = corrections;
        this.verdicts = verdicts;
        this.accuracy = accuracy;
        this.feedback = feedback;
        this.config = config;
    }

    /**
     * The review the expert already holds (so a retried call loses nothing), or else the oldest open
     * one the expert may take, leased to them; empty when none is open.
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
        return reviews.lockOldestOpen(expertId, projectId, now).map(review -> {
            review.leaseTo(expertId, now.plus(config.lease()));
            return toLeased(review);
        });
    }

    /**
     * Records the expert's label for a review they hold, and decides the sampled label when its
     * reviews allow; the project's gauges are updated once that is committed.
     */
    public AnsweredReview submit(String expertId, String reviewId, String label) {
        AnsweredReview answered = QuarkusTransaction.requiringNew().call(() -> answer(expertId, reviewId, label));
        if (answered.outcome() == ReviewOutcome.DECIDED) {
            try {
                accuracy.publish(answered.projectId());
            } catch (RuntimeException e) {
                // The answer is committed; failing the call now would make a retry look like a double
                // answer. The periodic rebuild catches the gauges up.
                LOG.warnf(e, "gauges of project %s not updated after review %s", answered.projectId(), reviewId);
            }
        }
        return answered;
    }

    private AnsweredReview answer(String expertId, String reviewId, String label) {
        Review review = parseReviewId(reviewId).flatMap(reviews::findForUpdate)
                .orElseThrow(() -> new NotFoundException("review_id " + quote(reviewId) + " not found"));
        Project project = projects.findById(review.projectId);
        if (!project.labels.contains(label)) {
            throw new InvalidRequestException("label " + quote(label) + " is not one of project "
                    + quote(project.projectId) + "'s labels " + project.labels);
        }
        // Taken before reading the other rounds: the item's answers are decided one at a time.
        OfferedLabel offered = offeredLabels.findForUpdate(review.offeredLabelId);
        List<Review> rounds = reviews.roundsOf(offered.id);
        requireAnswerable(review, rounds, offered, expertId, reviewId);
        Instant now = Instant.now();
        boolean agreed = offered.finalLabel.equals(label);
        review.answer(label, agreed, now);
        ReviewOutcome outcome = decide(offered, review, rounds, now);
        boolean corrected = outcome == ReviewOutcome.DECIDED && !offered.verdictCorrect;
        if (outcome == ReviewOutcome.DECIDED) {
            int answers = (int) rounds.stream().filter(Review::isAnswered).count();
            Long correction = corrected ? corrections.record(offered, answers, now) : null;
            verdicts.record(offered, answers, correction, now);
        }
        if (outcome == ReviewOutcome.DECIDED && offered.source == FinalLabelSource.MODEL) {
            feedback.afterModelVerdict(project, now);
        }
        return new AnsweredReview(review.projectId, agreed, offered.finalLabel, offered.source, outcome,
                outcome == ReviewOutcome.DECIDED ? offered.verdictLabel : null, corrected);
    }

    private void requireAnswerable(Review review, List<Review> rounds, OfferedLabel offered, String expertId,
            String reviewId) {
        if (review.isAnswered()) {
            throw new PreconditionFailedException("review_id " + quote(reviewId) + " was already answered");
        }
        boolean reviewedBefore = rounds.stream().anyMatch(other -> other.round != review.round
                && other.isAnswered() && expertId.equals(other.expertId));
        if (reviewedBefore) {
            throw new PreconditionFailedException("expert_id " + quote(expertId) + " already reviewed item "
                    + quote(offered.itemId) + ": each review of an item needs a different expert");
        }
        if (review.expertId == null) {
            throw new PreconditionFailedException("review_id " + quote(reviewId) + " is not leased to expert_id "
                    + quote(expertId) + ": take it with NextReview first");
        }
        if (!review.expertId.equals(expertId)) {
            throw new PreconditionFailedException("review_id " + quote(reviewId)
                    + " is leased to another expert, not to expert_id " + quote(expertId));
        }
        if (!review.isLeaseLiveAt(Instant.now())) {
            throw new PreconditionFailedException("the lease of review_id " + quote(reviewId) + " by expert_id "
                    + quote(expertId) + " expired at " + review.leaseExpiresAt + ": take a review with NextReview");
        }
    }

    /** One review decides; of two, agreement decides and disagreement queues a third, which decides. */
    private ReviewOutcome decide(OfferedLabel offered, Review answered, List<Review> rounds, Instant now) {
        if (offered.reviewsRequired == 1 || answered.round == THIRD_ROUND) {
            offered.decide(answered.expertLabel, now);
            return ReviewOutcome.DECIDED;
        }
        Review other = rounds.stream()
                .filter(round -> round.round != answered.round && round.round < THIRD_ROUND)
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "sampled label " + offered.id + " needs two reviews but has one round"));
        if (!other.isAnswered()) {
            return ReviewOutcome.AWAITING_SECOND_REVIEW;
        }
        if (other.expertLabel.equals(answered.expertLabel)) {
            offered.decide(answered.expertLabel, now);
            return ReviewOutcome.DECIDED;
        }
        // Queued where the item already stood, so the tie-break does not wait behind newer items.
        Review first = rounds.get(0);
        reviews.persist(Review.open(offered.projectId, offered.id, THIRD_ROUND, first.createdAt));
        return ReviewOutcome.SENT_TO_THIRD_REVIEW;
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
