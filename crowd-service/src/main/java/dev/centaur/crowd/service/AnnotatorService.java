package dev.centaur.crowd.service;

import dev.centaur.crowd.repository.AnnotatorRepository;
import dev.centaur.crowd.repository.AnswerRepository;
import dev.centaur.crowd.repository.AssignmentRepository;
import dev.centaur.guard.BearerTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Annotators: registration, their bearer tokens and revocation, and the answer counts they have given. */
@ApplicationScoped
public class AnnotatorService {

    /** A new annotator and the token that identifies them; the token is not stored and shown once. */
    public record Registration(Annotator annotator, String token) {
    }

    /** An annotator with the number of answers they have given. */
    public record AnnotatorSummary(Annotator annotator, long answers) {
    }

    /** The holder of a token: their id, and when the token was revoked (null while it works). */
    public record TokenHolder(String annotatorId, Instant revokedAt) {
    }

    /** What RevokeAnnotator did: the annotator, their answer count, tasks taken back, and whether it was a repeat. */
    public record Revocation(Annotator annotator, long answers, int tasksReleased, boolean alreadyRevoked) {
    }

    @Inject
    AnnotatorRepository annotators;

    @Inject
    AnswerRepository answers;

    @Inject
    AssignmentRepository assignments;

    @Inject
    Clock clock;

    @Transactional
    public Registration register(String name) {
        // 256 random bits, 43 URL-safe characters: far beyond guessing.
        String token = BearerTokens.newToken("");
        Annotator annotator = new Annotator();
        annotator.annotatorId = UUID.randomUUID().toString();
        annotator.name = name;
        annotator.tokenSha256 = BearerTokens.sha256Hex(token);
        annotator.createdAt = clock.instant();
        annotators.persist(annotator);
        return new Registration(annotator, token);
    }

    @Transactional
    public List<AnnotatorSummary> listWithAnswerCounts() {
        Map<String, Long> counts = answers.countByAnnotator();
        return annotators.listOldestFirst().stream()
                .map(annotator -> new AnnotatorSummary(annotator, counts.getOrDefault(annotator.annotatorId, 0L)))
                .toList();
    }

    /** The annotator whose token hashes to {@code tokenSha256}, revoked or not. */
    @Transactional
    public Optional<TokenHolder> findByTokenSha256(String tokenSha256) {
        return annotators.findByTokenSha256(tokenSha256).map(a -> new TokenHolder(a.annotatorId, a.revokedAt));
    }

    /** The calling annotator (their token was checked by the identity provider); UNAUTHENTICATED once revoked. */
    @Transactional
    public Annotator requireActive(String annotatorId) {
        Annotator annotator = annotators.findById(annotatorId);
        if (annotator == null) {
            throw CrowdException.unauthenticated("the bearer token's annotator " + annotatorId + " does not exist");
        }
        if (annotator.isRevoked()) {
            throw revoked(annotator);
        }
        return annotator;
    }

    /**
     * Revokes the annotator's token and takes back their unanswered tasks (the items get other
     * annotators; answers already given stay and count). The annotator's row is locked, so a
     * NextTask of theirs running meanwhile either finishes first (and its task is released here) or
     * sees the revocation. A repeat changes nothing.
     */
    @Transactional
    public Revocation revoke(String annotatorId) {
        Annotator annotator = annotators.findById(annotatorId, LockModeType.PESSIMISTIC_WRITE);
        if (annotator == null) {
            throw CrowdException.notFound("annotator_id '" + annotatorId + "' not found");
        }
        long answerCount = answers.countForAnnotator(annotatorId);
        if (annotator.isRevoked()) {
            return new Revocation(annotator, answerCount, 0, true);
        }
        annotator.revokedAt = clock.instant();
        int released = assignments.deleteUnansweredAssignmentsOf(annotatorId);
        return new Revocation(annotator, answerCount, released, false);
    }

    static CrowdException revoked(Annotator annotator) {
        return CrowdException.unauthenticated("annotator " + annotator.annotatorId + "'s token was revoked at "
                + annotator.revokedAt);
    }
}
